package org.patientgen.engine.model;

import java.time.LocalDate;

/**
 * Who a synthetic patient is. Identifiers are clearly synthetic: SSNs are in the 999 area that
 * the SSA never issues, phone numbers use the 555-01xx fictional block.
 */
public record Demographics(
        String id,
        String prefix,
        String firstName,
        String lastName,
        String maidenName,
        Sex sex,
        LocalDate birthDate,
        Race race,
        boolean hispanic,
        String ssn,
        String driversLicense,
        String passport,
        String phone,
        Address address,
        String birthPlace,
        MaritalStatus maritalStatus,
        String language,
        int income,
        Education education) {

    /** The patient's full display name, e.g. "Maria Lopez". */
    public String fullName() {
        return firstName + " " + lastName;
    }
}
