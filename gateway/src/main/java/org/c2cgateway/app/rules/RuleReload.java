package org.c2cgateway.app.rules;

import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;

import org.c2cgateway.app.config.RulesConfiguration;
import org.c2cgateway.rules.LintFinding;
import org.c2cgateway.rules.RuleSetLoad;
import org.c2cgateway.rules.RulesInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts changed agreement files in force without a restart: the directory is looked at every poll interval and,
 * when anything under it changed ({@link DirectoryFingerprint}), or when an admin asks, read and linted again. A
 * clean set replaces the one in force for every notification handled from then on; a set with findings is refused
 * as a whole, reported, and the previous set stays in force, so a half-edited file never takes effect.
 *
 * <p>A {@link Context} bean, so that the agreements are loaded (and a start with bad files refused) while the
 * gateway starts, not on its first notification.
 */
@Context
public class RuleReload {

    private static final Logger LOG = LoggerFactory.getLogger(RuleReload.class);

    private final RuleFiles files;
    private final RulesInForce inForce;
    private final ApplicationEventPublisher<RulesReloaded> events;
    private final ScheduledExecutorService poller;
    /** What the files looked like when last read; taken before reading, so an edit during a read is seen next time. */
    private String lastSeen;

    public RuleReload(RuleFiles files, RulesInForce inForce, RulesConfiguration configuration,
                      ApplicationEventPublisher<RulesReloaded> events) {
        this.files = files;
        this.inForce = inForce;
        this.events = events;
        this.lastSeen = DirectoryFingerprint.of(files.directory());
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rules-reload");
            thread.setDaemon(true);
            return thread;
        });
        if (configuration.polls()) {
            long every = configuration.effectivePollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.info("agreements from {}, in force today: {}", files.directory(),
                VersionsInForce.describe(inForce.current(), LocalDate.now()));
    }

    /** Reads and lints the files now, and puts them in force when clean. */
    public synchronized RulesReloaded reload() {
        lastSeen = DirectoryFingerprint.of(files.directory());
        RuleSetLoad load = files.load();
        RulesReloaded outcome;
        if (load.clean()) {
            inForce.replace(load.ruleSet());
            outcome = new RulesReloaded(true, load.ruleSet(), load.findings());
            LOG.info("agreements reloaded from {}, in force today: {}", files.directory(),
                    VersionsInForce.describe(load.ruleSet(), LocalDate.now()));
        } else {
            inForce.refused(load.findings());
            outcome = new RulesReloaded(false, inForce.current(), load.findings());
            LOG.error("agreement files in {} refused ({} findings); the agreements in force stay: {}", files.directory(),
                    load.findings().size(), VersionsInForce.describe(inForce.current(), LocalDate.now()));
            for (LintFinding finding : load.findings()) {
                LOG.error("{}", finding);
            }
        }
        events.publishEvent(outcome);
        return outcome;
    }

    private synchronized void poll() {
        try {
            if (!DirectoryFingerprint.of(files.directory()).equals(lastSeen)) {
                reload();
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the files must keep being watched
            LOG.error("reloading the agreements from {} failed", files.directory(), e);
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
