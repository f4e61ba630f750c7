@echo off
rem reap launcher of the self-contained Windows bundle: runs lib\reap.jar on the Java runtime in
rem runtime\ (no Java needs to be installed). Works from any folder; paths given to reap are
rem resolved against the folder you run it from.
rem   JAVA_OPTS_REAP   extra JVM options, added after the launcher's own, e.g. -Xmx4g
rem   REAP_NO_AOT=1    do not use the ready AOT cache lib\reap.aot
setlocal
set "REAP_HOME=%~dp0.."
set "REAP_JAVA=%REAP_HOME%\runtime\bin\java.exe"
if not exist "%REAP_JAVA%" goto :nojava
if "%REAP_NO_AOT%"=="1" goto :noaot
if not exist "%REAP_HOME%\lib\reap.aot" goto :noaot
"%REAP_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dreap.launcher=bundle "-XX:AOTCache=%REAP_HOME%\lib\reap.aot" -Xlog:aot=off -Xlog:cds=off %JAVA_OPTS_REAP% -jar "%REAP_HOME%\lib\reap.jar" %*
exit /b %ERRORLEVEL%
:noaot
"%REAP_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dreap.launcher=bundle %JAVA_OPTS_REAP% -jar "%REAP_HOME%\lib\reap.jar" %*
exit /b %ERRORLEVEL%
:nojava
echo reap: the bundled Java runtime is missing (%REAP_JAVA%); unpack the whole download again. 1>&2
exit /b 3
