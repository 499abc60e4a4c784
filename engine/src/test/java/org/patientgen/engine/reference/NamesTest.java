package org.patientgen.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;

class NamesTest {

    @Test
    void censusCapitalsBecomeDisplayCase() {
        assertThat(Names.displayCase("SMITH")).isEqualTo("Smith");
        assertThat(Names.displayCase("MCDONALD")).isEqualTo("McDonald");
        assertThat(Names.displayCase("MC")).isEqualTo("Mc");
        assertThat(Names.displayCase("SMITH-JONES")).isEqualTo("Smith-Jones");
    }

    @Test
    void namesFollowBirthDecadeSexAndOrigin() {
        Names names = Names.get();
        SplittableRandom random = new SplittableRandom(4);
        int garcia = 0;
        for (int i = 0; i < 2000; i++) {
            if (names.lastName(Race.WHITE, true, random).equals("Garcia")) {
                garcia++;
            }
        }
        // Garcia is the most common Hispanic surname (about 2.7% of Hispanic people with a top-1000 name)
        assertThat(garcia).isBetween(20, 120);
        assertThat(names.firstName(Sex.FEMALE, 1925, new SplittableRandom(1))).isNotBlank();
        assertThat(names.firstName(Sex.MALE, 1850, new SplittableRandom(1))).as("before the table: oldest decade")
                .isNotBlank();
    }
}
