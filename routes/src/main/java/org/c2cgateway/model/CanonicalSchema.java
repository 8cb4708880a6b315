package org.c2cgateway.model;

/**
 * Where the canonical notification schema lives. Kept in one place because the validator, the
 * reader and the outbound mapping must all agree on the same namespace and version.
 */
public final class CanonicalSchema {

    /** Namespace of version 1 of the canonical notifications; a new version gets a new namespace. */
    public static final String NAMESPACE = "urn:c2c-gateway:notification:v1";

    /** Classpath resource of the version 1 schema. */
    public static final String XSD_RESOURCE = "/xsd/c2c-notification-v1.xsd";

    private CanonicalSchema() {
    }
}
