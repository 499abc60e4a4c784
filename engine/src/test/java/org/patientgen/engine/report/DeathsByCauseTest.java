package org.patientgen.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.model.Sex;
import org.patientgen.engine.reference.CauseOfDeathShares;
import org.patientgen.engine.reference.LifeTable;
import org.patientgen.engine.report.RealismCheck.Section;

/**
 * The deaths-by-cause section on a population worked out by hand (window 2015-06-30 to 2025-06-30):
 * <pre>
 * id       sex birth       death       cause
 * mi       M   1950-01-01  2020-01-01  22298006 Myocardial infarction: coronary_heart_disease, at 70
 * old      F   1940-07-01  2018-07-01  419620001 Death (event): other causes, at 78
 * nocert   M   1930-01-01  2016-01-01  none (no Cause of Death observation)
 * odd      M   1935-01-01  2017-01-01  a code no group lists
 * young    F   2000-01-01  -           -
 * </pre>
 */
class DeathsByCauseTest {
    private static final double DAYS = 365.25;
    private static final String CHD = DeathsByCauseSection.measure("coronary_heart_disease");
    private static final String OTHER = DeathsByCauseSection.measure(DeathCauses.BACKGROUND);

    @TempDir
    Path temp;

    private static HandMadePopulation population() {
        return new HandMadePopulation()
                .patient("mi", "M", "1950-01-01", "2020-01-01").cause("22298006", "Myocardial infarction (disorder)")
                .patient("old", "F", "1940-07-01", "2018-07-01").cause("419620001", "Death (event)")
                .patient("nocert", "M", "1930-01-01", "2016-01-01")
                .patient("odd", "M", "1935-01-01", "2017-01-01").cause("999", "Struck by lightning")
                .patient("young", "F", "2000-01-01", null);
    }

    private static RealismCheck row(RealismReport r, String measure, String band) {
        return r.checks(Section.DEATHS_BY_CAUSE).stream()
                .filter(c -> c.measure().equals(measure) && c.band().equals(band)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + measure + " / " + band));
    }

    @Test
    void moduleDeathsAreComparedWithTheirShareOfTheLifeTable() throws Exception {
        RealismReport r = RealismReport.compute(population().writeCsv(temp.resolve("csv")), null);
        LifeTable life = LifeTable.get();
        CauseOfDeathShares shares = CauseOfDeathShares.get();

        // mi: 2015-06-30 (age 65) to 2020-01-01: 185 + 366 + 365 + 365 + 365 days at 65..69
        RealismCheck chd = row(r, CHD, "M 65-74");
        assertThat(chd.count()).isEqualTo(1);
        assertThat(chd.denominator()).isCloseTo(1646 / DAYS, within(1e-12));
        int[] days = {185, 366, 365, 365, 365};
        double expectedDeaths = 0;
        for (int i = 0; i < days.length; i++) {
            int age = 65 + i;
            expectedDeaths += days[i] / DAYS * life.mx(Sex.MALE, age)
                    * shares.modelledShare(Sex.MALE, age, List.of("coronary_heart_disease"));
        }
        assertThat(chd.expected()).isCloseTo(expectedDeaths / (1646 / DAYS), within(1e-12));
        assertThat(chd.tolerance()).isCloseTo(Math.max(Math.max(0.00002, 0.05 * chd.expected()),
                3 * Math.sqrt(expectedDeaths) / (1646 / DAYS)), within(1e-12));
        assertThat(row(r, DeathsByCauseSection.measure("stroke"), "M 65-74").count()).isZero();

        // old: one day at 74, then 2015-07-01 to 2018-07-01 (1096 days) at 75..77; background mortality is
        // the life table less the shares of every module loaded (the manifest names none: all assumed)
        RealismCheck other = row(r, OTHER, "F 75-84");
        assertThat(other.count()).isEqualTo(1);
        assertThat(other.denominator()).isCloseTo(1096 / DAYS, within(1e-12));
        double backgroundShare = 1 - shares.modelledShare(Sex.FEMALE, 76, shares.modules());
        assertThat(other.expected()).isCloseTo(backgroundShare * (366 * life.mx(Sex.FEMALE, 75)
                + 365 * life.mx(Sex.FEMALE, 76) + 365 * life.mx(Sex.FEMALE, 77)) / 1096, within(1e-12));

        RealismCheck all = row(r, CHD, "all");
        assertThat(all.count()).isEqualTo(1);
        assertThat(row(r, OTHER, "all").count()).isEqualTo(1);
        // 5 modules with a share column plus other causes; 6 bands per sex and 'all'
        assertThat(r.checks(Section.DEATHS_BY_CAUSE)).hasSize(6 * (2 * 6 + 1));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 deaths in the window have no Cause of Death observation"));
        assertThat(r.notes()).anyMatch(n -> n.contains("cause no cause group lists") && n.contains("Struck by lightning"));
    }

    @Test
    void onlyTheModulesInTheManifestTakeTheirShareOutOfBackgroundDeaths() throws Exception {
        RealismReport r = RealismReport.compute(population().modules("stroke", "asthma")
                .writeCsv(temp.resolve("stroke")), null);
        CauseOfDeathShares shares = CauseOfDeathShares.get();

        assertThat(r.checks(Section.DEATHS_BY_CAUSE)).extracting(RealismCheck::measure).containsOnly(
                DeathsByCauseSection.measure("stroke"), OTHER);
        double backgroundShare = 1 - shares.modelledShare(Sex.FEMALE, 76, List.of("stroke"));
        RealismCheck other = row(r, OTHER, "F 75-84");
        LifeTable life = LifeTable.get();
        assertThat(other.expected()).isCloseTo(backgroundShare * (366 * life.mx(Sex.FEMALE, 75)
                + 365 * life.mx(Sex.FEMALE, 76) + 365 * life.mx(Sex.FEMALE, 77)) / 1096, within(1e-12));
        // a coronary death in a population without the coronary module belongs to no row
        assertThat(r.notes()).anyMatch(n -> n.contains("cause no cause group lists") && n.contains("22298006"));
    }

    @Test
    void csvDisplayTextsAndFhirCodesGiveTheSameRows() throws Exception {
        RealismReport csv = RealismReport.compute(population().writeCsv(temp.resolve("c")), null);
        RealismReport fhir = RealismReport.compute(population().writeNdjson(temp.resolve("f")), null);

        assertThat(fhir.checks(Section.DEATHS_BY_CAUSE)).isEqualTo(csv.checks(Section.DEATHS_BY_CAUSE));
    }

    @Test
    void exportsWithoutObservationsLeaveEveryDeathUncertified() throws Exception {
        Path dir = population().writeCsv(temp.resolve("noobs"));
        Files.delete(dir.resolve(CsvPopulationReader.OBSERVATIONS));
        RealismReport r = RealismReport.compute(dir, null);

        assertThat(r.checks(Section.DEATHS_BY_CAUSE)).allMatch(c -> c.count() == 0);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("4 deaths in the window have no Cause of Death observation"));
    }

    @Test
    void everyCauseTheBuiltInModulesCertifyBelongsToAGroup() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/modules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (JsonNode state : json.readTree(f.toFile()).path("states")) {
                    if (state.path("type").asText().equals("Death")) {
                        state.path("codes").forEach(c -> codes.add(c.path("code").asText()));
                    }
                }
            }
        }
        assertThat(codes).isNotEmpty();
        assertThat(codes).allSatisfy(code -> assertThat(DeathCauses.group(code)).as(code).isPresent());
        assertThat(DeathCauses.CAUSES).extracting(DeathCauses.Cause::group).filteredOn(g -> !g.equals(
                DeathCauses.BACKGROUND)).allSatisfy(g -> assertThat(CauseOfDeathShares.get().modules()).contains(g));
    }
}
