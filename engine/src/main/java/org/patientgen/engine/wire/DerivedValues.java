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
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobProgress;

/**
 * Values written next to a record's own fields (see {@link WireJson}), computed from the record.
 * Jackson instantiates these writers reflectively, one class per value.
 */
final class DerivedValues {
    private DerivedValues() {
    }

    /** A derived value: how to compute it from the record. */
    abstract static class Derived<T> extends VirtualBeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        Derived() {
        }

        Derived(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            super(def, annotations, type);
        }

        abstract Object compute(T bean);

        abstract Derived<T> create(BeanPropertyDefinition def, Annotations annotations, JavaType type);

        @Override
        @SuppressWarnings("unchecked")
        protected Object value(Object bean, JsonGenerator gen, SerializerProvider prov) {
            return compute((T) bean);
        }

        @Override
        public VirtualBeanPropertyWriter withConfig(MapperConfig<?> config, AnnotatedClass declaringClass,
                                                    BeanPropertyDefinition propDef, JavaType type) {
            return create(propDef, declaringClass.getAnnotations(), type);
        }
    }

    /** {@link Job#patientsDone()} under the name the REST API documents. */
    static final class PatientsGenerated extends Derived<Job> {
        private static final long serialVersionUID = 1L;

        PatientsGenerated() {
        }

        PatientsGenerated(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            super(def, annotations, type);
        }

        @Override
        Object compute(Job job) {
            return job.patientsDone();
        }

        @Override
        Derived<Job> create(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            return new PatientsGenerated(def, annotations, type);
        }
    }

    /** {@link JobProgress#fraction()}. */
    static final class Fraction extends Derived<JobProgress> {
        private static final long serialVersionUID = 1L;

        Fraction() {
        }

        Fraction(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            super(def, annotations, type);
        }

        @Override
        Object compute(JobProgress p) {
            return p.fraction();
        }

        @Override
        Derived<JobProgress> create(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            return new Fraction(def, annotations, type);
        }
    }

    /** {@link JobProgress#patientsPerSecond()}. */
    static final class PatientsPerSecond extends Derived<JobProgress> {
        private static final long serialVersionUID = 1L;

        PatientsPerSecond() {
        }

        PatientsPerSecond(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            super(def, annotations, type);
        }

        @Override
        Object compute(JobProgress p) {
            return p.patientsPerSecond();
        }

        @Override
        Derived<JobProgress> create(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            return new PatientsPerSecond(def, annotations, type);
        }
    }

    /** {@link JobProgress#eta()} in whole seconds, {@code null} while unknown. */
    static final class EtaSeconds extends Derived<JobProgress> {
        private static final long serialVersionUID = 1L;

        EtaSeconds() {
        }

        EtaSeconds(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            super(def, annotations, type);
        }

        @Override
        Object compute(JobProgress p) {
            return p.eta().map(Duration::toSeconds).orElse(null);
        }

        @Override
        Derived<JobProgress> create(BeanPropertyDefinition def, Annotations annotations, JavaType type) {
            return new EtaSeconds(def, annotations, type);
        }
    }
}
