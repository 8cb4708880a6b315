package org.c2cgateway.keys;

/**
 * A key or certificate configuration that cannot be put in force, naming the setting and what is wrong with
 * it, e.g. {@code c2c.message-keys.encryption.next: cannot open PKCS#12 file ... (wrong password ...)}. At
 * start the gateway does not start; on reload the keys in force stay as they were.
 */
public final class KeyConfigurationException extends RuntimeException {

    private final String setting;

    public KeyConfigurationException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public KeyConfigurationException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    /** The configuration key at fault, e.g. {@code c2c.partners.MK.encryption-certificates}. */
    public String setting() {
        return setting;
    }
}
