package org.patientgen.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {
    private static final String PRINTED =
            "1C:5B:E6:2A:0D:45:76:D8:B3:CD:73:33:6E:C2:9F:8F:18:E6:45:19:50:4D:4D:7F:45:48:7B:D6:86:AE:67:77";

    @Test
    void readsTheServersFormWithOrWithoutColonsInAnyCase() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse(PRINTED);
        assertThat(fingerprint).hasToString(PRINTED);
        assertThat(CertificateFingerprint.parse(" " + PRINTED.replace(":", "").toLowerCase() + "\n"))
                .isEqualTo(fingerprint).hasSameHashCodeAs(fingerprint);
        assertThat(CertificateFingerprint.parse(PRINTED.replace(":", " "))).isEqualTo(fingerprint);
    }

    @Test
    void explainsWhatIsNotAFingerprint() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("1C:5B")).hasMessageContaining("32 bytes of hex")
                .hasMessageContaining("patientgen serve --self-signed");
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))
                .hasMessageContaining("public-key pin");
        assertThatThrownBy(() -> CertificateFingerprint.parse(PRINTED.replace('1', 'x')))
                .hasMessageContaining("64 hex digits");
    }
}
