@echo off
rem reap launcher for Windows: a minimal mirror of ./reap (bash). It has NOT been run here (the
rem build machines have no Windows), so it is kept short: it takes JAVA_HOME, else java on PATH,
rem without checking for 21+ or searching installed JDKs, and builds only when target\reap.jar is
rem missing (delete it to rebuild after changing the sources).
rem   reap COMMAND [ARGS...]        run reap
rem   reap test [MAVEN ARGS...]     run the test suite (mvn -B verify)
setlocal
set "REAP_ROOT=%~dp0"
set "REAP_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "REAP_JAVA=%JAVA_HOME%\bin\java.exe"
"%REAP_JAVA%" -version >nul 2>&1
if errorlevel 1 goto :nojava
if /i "%~1"=="test" goto :test
if not exist "%REAP_ROOT%target\reap.jar" goto :build

:run
"%REAP_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Djava.awt.headless=true -Dfile.encoding=UTF-8 %JAVA_OPTS_REAP% -jar "%REAP_ROOT%target\reap.jar" %*
exit /b %ERRORLEVEL%

:build
echo reap: building target\reap.jar (first run)... 1>&2
pushd "%REAP_ROOT%"
if not exist target mkdir target
call mvn -q -B -DskipTests package > target\reap-build.log 2>&1
if errorlevel 1 goto :buildfailed
popd
goto :run

:buildfailed
type target\reap-build.log 1>&2
popd
echo reap: build failed; see target\reap-build.log 1>&2
exit /b 4

:test
rem everything after "test" goes to Maven
set "REAP_ARGS="
shift
:collect
if "%~1"=="" goto :runtest
set REAP_ARGS=%REAP_ARGS% %1
shift
goto :collect
:runtest
pushd "%REAP_ROOT%"
call mvn -B verify %REAP_ARGS%
set "REAP_RC=%ERRORLEVEL%"
popd
exit /b %REAP_RC%

:nojava
echo reap needs Java 21 or newer; found none that runs. Install a JDK 21+ (e.g. Temurin) or set JAVA_HOME. 1>&2
exit /b 3
