package org.patientgen.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.VirtualBeanPropertyWriter;
import com.fasterxml.jackson.databind.util.Annotations;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;

/**
 * Values written next to a record's own fields (see {@link WireJson}), computed from the record.
 * One writer class serves them all: Jackson creates it per property, and the property's name
 * selects the computation.
 */
final class DerivedValues extends VirtualBeanPropertyWriter {
    private static final long serialVersionUID = 1L;
    /** How each derived property is computed, by its name. */
    private static final Map<String, Function<Object, Object>> VALUES = Map.of(
            "patientsGenerated", bean -> ((Job) bean).patientsDone(),
            "fraction", bean -> ((JobProgress) bean).fraction(),
            "patientsPerSecond", bean -> ((JobProgress) bean).patientsPerSecond(),
            "etaSeconds", bean -> ((JobProgress) bean).eta().map(Duration::toSeconds).orElse(null));

    private final transient Function<Object, Object> value;

    /** For Jackson, which calls {@link #withConfig} on it. */
    DerivedValues() {
        this.value = null;
    }

    private DerivedValues(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
        super(def, annotations, type);
        this.value = VALUES.get(def.getName());
        if (value == null) {
            throw new IllegalStateException("no derived value named '" + def.getName() + "'");
        }
    }

    @Override
    protected Object value(Object bean, JsonGenerator gen, SerializerProvider prov) {
        return value.apply(bean);
    }

    @Override
    public VirtualBeanPropertyWriter withConfig(MapperConfig<?> config, AnnotatedClass declaringClass,
                                                BeanPropertyDefinition propDef, JavaType type) {
        return new DerivedValues(propDef, declaringClass.getAnnotations(), type);
    }
}
