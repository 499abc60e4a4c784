package org.patientgen.engine.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.slf4j.LoggerFactory;

/**
 * Validates FHIR R4 JSON (typically a whole transaction Bundle) offline with the HAPI instance
 * validator against the base R4 specification. US Core is not on the classpath, so resources are
 * checked against base R4 only; {@code meta.profile} URLs naming US Core profiles are kept in the
 * validated JSON (we validate what we ship) and reported as warnings rather than errors, via
 * {@link FhirInstanceValidator#setErrorForUnknownProfiles(boolean)}.
 *
 * <p>The validator takes seconds to build (it loads and snapshots the R4 definitions), so one
 * instance is built lazily, once per JVM, and shared: HAPI's {@link FhirValidator} is thread-safe.
 */
public final class FhirBundleValidator {

    private FhirBundleValidator() {
    }

    /** Initialization-on-demand holder: built on first use, safely published to every thread. */
    private static final class Holder {
        static final FhirValidator VALIDATOR = create();

        private static FhirValidator create() {
            quietValidatorLogging();
            FhirContext ctx = FhirContext.forR4Cached();
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx),
                    new SnapshotGeneratingValidationSupport(ctx));
            FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
            instanceValidator.setErrorForUnknownProfiles(false);
            // Our US Core extensions (race, ethnicity, birth sex) are unknown without US Core.
            instanceValidator.setAnyExtensionsAllowed(true);
            FhirValidator validator = ctx.newValidator();
            validator.registerValidatorModule(instanceValidator);
            return validator;
        }
    }

    /**
     * Without a logback configuration the root level is DEBUG, and the instance validator then
     * logs every element it checks: thousands of lines per Bundle that bury test output and cost
     * more time than the validation itself. Raise only the validator's own loggers.
     */
    private static void quietValidatorLogging() {
        for (String name : List.of("ca.uhn.fhir", "org.hl7.fhir")) {
            if (LoggerFactory.getLogger(name) instanceof Logger logback) {
                logback.setLevel(Level.WARN);
            }
        }
    }

    /** The outcome of validating one document, split by whether a message fails it. */
    public record Result(List<SingleValidationMessage> errors, List<SingleValidationMessage> warnings,
                         List<SingleValidationMessage> information) {

        public boolean isValid() {
            return errors.isEmpty();
        }

        /** One line per error (location, message), for assertion failure messages. */
        public String describeErrors() {
            return describe(errors);
        }

        /** One line per warning, for reports. */
        public String describeWarnings() {
            return describe(warnings);
        }

        private static String describe(List<SingleValidationMessage> messages) {
            return messages.stream()
                    .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Validates one JSON resource (usually a Bundle). ERROR and FATAL messages are {@code errors}. */
    public static Result validate(String json) {
        ValidationResult result = Holder.VALIDATOR.validateWithResult(json);
        List<SingleValidationMessage> messages = result.getMessages();
        return new Result(
                messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL).toList(),
                messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).toList(),
                messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.INFORMATION).toList());
    }
}
