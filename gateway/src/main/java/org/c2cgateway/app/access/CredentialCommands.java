package org.c2cgateway.app.access;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command-line side of credentials: {@code hash-password} turns a password into the hash the
 * configuration keeps (for an operator, or the national system's broker account), and {@code new-token}
 * draws a bearer token and prints it with the digest the configuration keeps. Nothing is written
 * anywhere else, and the password is never echoed.
 */
public final class CredentialCommands {

    private CredentialCommands() {
    }

    /**
     * Reads the password from the console (asked twice, not echoed) or, when the input is not a terminal,
     * from the first line of standard input.
     *
     * @return the exit status
     */
    public static int hashPassword(String[] args, Console console, BufferedReader stdin, PrintStream out, PrintStream err)
            throws IOException {
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        if (args.length == 3 && "--iterations".equals(args[1]) && args[2].matches("[0-9]{1,9}")) {
            iterations = Integer.parseInt(args[2]);
        } else if (args.length != 1) {
            err.println("usage: hash-password [--iterations N]   (reads the password from the terminal or standard input)");
            return 2;
        }
        char[] password = read(console, stdin, err);
        if (password == null || password.length == 0) {
            err.println("no password given (or the two entries differ)");
            return 1;
        }
        try {
            out.println(PasswordHash.hash(password, iterations));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Prints a new token (give it to the client) and its SHA-256 (put it in the secrets). */
    public static int newToken(PrintStream out) {
        String token = TokenDigest.newToken();
        out.println("token:      " + token);
        out.println("sha256 hex: " + TokenDigest.sha256Hex(token));
        return 0;
    }

    private static char[] read(Console console, BufferedReader stdin, PrintStream err) throws IOException {
        if (console != null) {
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            boolean same = first != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            return same ? first : null;
        }
        String line = stdin.readLine();
        return line == null ? null : line.toCharArray();
    }
}
