package dev.qcl;

import dev.qcl.cli.QclCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** qcl: creates Qlik Cloud analytics data connections from a spreadsheet. */
@SpringBootApplication
public class QclApplication {
    public static void main(String[] args) {
        int exitCode = QclCommandLine.execute(args);
        System.exit(exitCode);
    }
}
