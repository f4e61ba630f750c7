package org.reap.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.reap.render.RenderException;

/**
 * The bundled DejaVu fonts as OpenPDF fonts, parsed once per JVM. They are always embedded
 * (Identity-H, subset) and never write a CIDSet (PDF/A-2 and PDF/UA reject wrong ones).
 */
final class PdfFonts {
    static final String SANS = "DejaVu Sans";
    static final String MONO = "DejaVu Sans Mono";

    /** One bundled face. */
    enum Face {
        REGULAR(SANS, "DejaVuSans.ttf"),
        BOLD(SANS, "DejaVuSans-Bold.ttf"),
        OBLIQUE(SANS, "DejaVuSans-Oblique.ttf"),
        BOLD_OBLIQUE(SANS, "DejaVuSans-BoldOblique.ttf"),
        MONO_REGULAR(MONO, "DejaVuSansMono.ttf"),
        CJK("Droid Sans Fallback", "DroidSansFallback.ttf");

        final String family;
        final String file;

        Face(String family, String file) {
            this.family = family;
            this.file = file;
        }

        String resource() {
            return "/reap/fonts/" + file;
        }
    }

    private static PdfFonts instance;

    private final Map<Face, BaseFont> fonts;

    private PdfFonts(Map<Face, BaseFont> fonts) {
        this.fonts = fonts;
    }

    /** The JVM-wide fonts; the first call parses them (about 3 MB). */
    static synchronized PdfFonts get() throws RenderException {
        if (instance == null) {
            Map<Face, BaseFont> map = new EnumMap<>(Face.class);
            for (Face f : Face.values()) {
                map.put(f, load(f));
            }
            instance = new PdfFonts(map);
        }
        return instance;
    }

    BaseFont font(Face face) {
        return fonts.get(face);
    }

    /** A URL string OpenPDF and Flying Saucer can re-read the font file from. */
    static String location(Face face) {
        URL url = PdfFonts.class.getResource(face.resource());
        if (url == null) {
            throw new IllegalStateException("bundled font " + face.resource() + " is missing");
        }
        return url.toExternalForm();
    }

    private static BaseFont load(Face face) throws RenderException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(face.resource())) {
            if (in == null) {
                throw new RenderException("The bundled font " + face.file + " is missing from reap's jar;"
                        + " reinstall reap.");
            }
            BaseFont font = BaseFont.createFont(face.file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, in.readAllBytes(), null);
            font.setIncludeCidSet(false);
            font.setSubset(true);
            return font;
        } catch (IOException | DocumentException e) {
            throw new RenderException("The bundled font " + face.file + " cannot be read (" + e.getMessage()
                    + "); reinstall reap.", null, e);
        }
    }
}
