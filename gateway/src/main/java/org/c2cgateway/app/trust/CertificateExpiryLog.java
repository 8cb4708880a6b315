package org.c2cgateway.app.trust;

import java.time.Instant;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import org.c2cgateway.trust.CertificateExpiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A WARN line for each certificate that expires within 30 days or has expired: at start-up, then daily. */
@Singleton
public class CertificateExpiryLog {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateExpiryLog.class);

    private final CertificateExpiry expiry;

    public CertificateExpiryLog(CertificateExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(fixedRate = "24h")
    void warn() {
        expiry.warnings(Instant.now()).forEach(LOG::warn);
    }
}
