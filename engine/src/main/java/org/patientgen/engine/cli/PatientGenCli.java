package org.patientgen.engine.cli;

public final class PatientGenCli {
    public static void main(String[] args) {
    }
}
