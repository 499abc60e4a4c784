package org.patientgen.engine.module;

import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.model.Code;

/** Parses GMF code objects ({@code {"system": "SNOMED-CT", "code": "…", "display": "…"}}). */
final class Codes {
    private Codes() {
    }

    static Code parse(JsonField f) {
        JsonField code = f.required("code");
        String value = code.raw().isNumber() ? code.raw().asText() : code.text();
        if (value.isBlank()) {
            throw code.error("code is empty");
        }
        return new Code(Code.systemUri(f.requiredText("system")), value, f.optionalText("display", ""));
    }

    static List<Code> list(JsonField array) {
        List<Code> codes = new ArrayList<>();
        for (JsonField e : array.elements()) {
            codes.add(parse(e));
        }
        if (codes.isEmpty()) {
            throw array.error("needs at least one code");
        }
        return List.copyOf(codes);
    }

    static Code first(JsonField state) {
        return list(state.required("codes")).get(0);
    }
}
