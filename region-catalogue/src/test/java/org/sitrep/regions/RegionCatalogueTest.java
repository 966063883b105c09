package org.sitrep.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionCatalogueTest {

    private final RegionCatalogue catalogue = RegionCatalogue.bundled();

    @Test
    void bundledCatalogueHoldsAnkangAndEveryOneOfItsCountyLevelDivisions() {
        assertThat(catalogue.get("610900").name()).isEqualTo("安康市");
        assertThat(catalogue.childrenOf("610900")).extracting(Region::code).containsExactly(
                "610902", "610921", "610922", "610923", "610924", "610925", "610926", "610927", "610929", "610981");
        assertThat(catalogue.get("610981").name()).isEqualTo("旬阳市");
        assertThat(catalogue.get("610902").level()).isEqualTo(Region.Level.COUNTY);
        assertThat(catalogue.roots()).extracting(Region::code).containsExactly("610000");
    }

    @Test
    void countyRollsUpToItsCityUnderTheProvinceAndToItselfUnderItsCity() {
        assertThat(catalogue.childOfAncestorContaining("610000", "610924")).map(Region::code).contains("610900");
        assertThat(catalogue.childOfAncestorContaining("610900", "610924")).map(Region::code).contains("610924");
        assertThat(catalogue.childOfAncestorContaining("610700", "610924")).isEmpty();
        assertThat(catalogue.isWithin("610924", "610000")).isTrue();
        assertThat(catalogue.isWithin("610924", "610700")).isFalse();
    }

    @Test
    void officeCanInstallItsOwnCatalogueFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("regions.csv");
        Files.writeString(file, "# own\n620000,甘肃省,,PROVINCE\n620100,兰州市,620000,CITY\n");
        RegionCatalogue own = RegionCatalogue.fromFile(file);
        assertThat(own.size()).isEqualTo(2);
        assertThat(own.contains("620100")).isTrue();
        assertThat(own.contains("610900")).isFalse();
    }

    @Test
    void catalogueWithUnknownParentOrBadCodeIsRefused() {
        assertThatThrownBy(() -> parse("610100,西安市,619999,CITY\n")).hasMessageContaining("unknown parent");
        assertThatThrownBy(() -> parse("61010,西安市,,CITY\n")).hasMessageContaining("6 digits");
        assertThatThrownBy(() -> parse("610000,陕西省,,STATE\n")).hasMessageContaining("unknown level");
    }

    private static RegionCatalogue parse(String text) throws Exception {
        return RegionCatalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
