package org.sitrep.briefing.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.sitrep.briefing.config.BriefingConfig;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a briefing's XHTML page as PDF with a CJK TrueType font embedded (as a subset), so the Chinese text shows
 * on any reader. Without such a font it refuses ({@link FontUnavailableException}) rather than print empty boxes.
 */
@ApplicationScoped
public class BriefingPdf {

    /** The CSS font family the page names first; the embedded font is registered under it. */
    public static final String FAMILY = "sitrep-cjk";

    /** Where Debian's packages put TrueType fonts with Chinese glyphs (CFF-based OpenType cannot be embedded here). */
    static final List<String> DEFAULT_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/arphic/ukai.ttc");

    /** The PDF cannot be made: no usable CJK font. */
    public static class FontUnavailableException extends RuntimeException {
        public FontUnavailableException(String message) {
            super(message);
        }
    }

    private final BriefingConfig config;

    public BriefingPdf(BriefingConfig config) {
        this.config = config;
    }

    /** The configured font if it exists, else the first default that exists; empty when there is none. */
    public Optional<Path> font() {
        return locate(config.pdf().font(), DEFAULT_FONTS);
    }

    static Optional<Path> locate(Optional<String> configured, List<String> defaults) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path p = Path.of(configured.get().trim());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return defaults.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    /** Renders well-formed XHTML; {@code baseUri} resolves its relative links. */
    public byte[] render(String xhtml, String baseUri) {
        Path fontFile = font().orElseThrow(() -> new FontUnavailableException(config.pdf().font()
                .map(f -> "the PDF font configured in sitrep.briefing.pdf.font does not exist")
                .orElse("no font with Chinese glyphs is installed (install Debian's fonts-wqy-microhei or set sitrep.briefing.pdf.font)")));
        TrueTypeCollection collection = null;
        try (PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf;
            if (fontFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                collection = new TrueTypeCollection(fontFile.toFile());
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(f -> first.compareAndSet(null, f));
                ttf = first.get();
            } else {
                ttf = new org.apache.fontbox.ttf.TTFParser().parse(fontFile.toFile());
            }
            if (ttf == null) {
                throw new FontUnavailableException("the PDF font holds no TrueType font");
            }
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, ttf, true)), FAMILY);
            builder.withHtmlContent(xhtml, baseUri);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the briefing cannot be rendered as PDF", e);
        } finally {
            if (collection != null) {
                try {
                    collection.close();
                } catch (IOException ignored) {
                    // read-only font file
                }
            }
        }
    }
}
