package org.sitrep.briefing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.briefing.config.BriefingConfig;
import org.sitrep.briefing.service.NoActiveAlerts;

class BriefingPdfTest {

    @TempDir
    Path dir;

    @Test
    void configuredFontIsUsedWhenItExistsAndNothingElseWhenItDoesNot() throws Exception {
        Path font = Files.writeString(dir.resolve("cjk.ttf"), "x");
        Path fallback = Files.writeString(dir.resolve("fallback.ttc"), "x");
        assertThat(BriefingPdf.locate(Optional.of(font.toString()), List.of(fallback.toString()))).contains(font);
        assertThat(BriefingPdf.locate(Optional.of(dir.resolve("missing.ttf").toString()), List.of(fallback.toString())))
                .isEmpty();
    }

    @Test
    void withoutConfigurationTheFirstInstalledDefaultIsUsed() throws Exception {
        Path second = Files.writeString(dir.resolve("b.ttc"), "x");
        assertThat(BriefingPdf.locate(Optional.empty(), List.of(dir.resolve("a.ttc").toString(), second.toString())))
                .contains(second);
        assertThat(BriefingPdf.locate(Optional.empty(), List.of(dir.resolve("a.ttc").toString()))).isEmpty();
    }

    @Test
    void defaultActiveAlertsAreNone() {
        assertThat(new NoActiveAlerts().activeAt(java.time.Instant.now(), null)).isEmpty();
    }

    @Test
    void withoutAUsableFontThePdfIsRefusedRatherThanRenderedWithBoxes() {
        BriefingConfig config = (BriefingConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BriefingConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "pdf" -> (BriefingConfig.Pdf) () -> Optional.of(dir.resolve("missing.ttc").toString());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertThatThrownBy(() -> new BriefingPdf(config).render("<html><body>简报</body></html>", "http://localhost/"))
                .isInstanceOf(BriefingPdf.FontUnavailableException.class)
                .hasMessageContaining("sitrep.briefing.pdf.font");
    }
}
