package org.c2cgateway.app.broker;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.queue.Queues;

/**
 * The embedded Artemis broker of a single-machine gateway. It opens no network acceptor at all (the
 * machine's standard AMQP and MQTT ports belong to other services): the gateway reaches it in-VM.
 * Everything is persistent, with journal sync, so "queued" means "on disk".
 */
public final class EmbeddedBroker {

    static final String DEAD_LETTER_ADDRESS = "DLA";
    static final String DEAD_LETTER_PREFIX = "DLQ.";
    /** Nothing the gateway sends expires; the address exists so that a message given a TTL elsewhere is kept. */
    static final String EXPIRY_ADDRESS = "EXPIRED";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int serverId;

    public EmbeddedBroker(BrokerConfiguration config, Path dataDir, Collection<String> partnerCountries) {
        this.serverId = config.serverId();
        server.setConfiguration(configuration(config, dataDir, partnerCountries));
    }

    public EmbeddedBroker start() throws Exception {
        server.start();
        return this;
    }

    public void stop() throws Exception {
        server.stop();
    }

    /** How many messages were ever added to a queue: lets an operator (or a test) see that nothing was queued. */
    public long messagesAdded(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessagesAdded();
    }

    /** The URL the gateway's own JMS clients use. */
    public String inVmUrl() {
        return "vm://" + serverId;
    }

    private static Configuration configuration(BrokerConfiguration config, Path dataDir, Collection<String> partners) {
        Configuration c = new ConfigurationImpl()
                .setName("c2c-gateway-" + config.serverId())
                .setPersistenceEnabled(true)
                .setJournalDatasync(true)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDir.toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setMaxDiskUsage(config.maxDiskUsage());
        c.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of(TransportConstants.SERVER_ID_PROP_NAME, config.serverId()), "in-vm"));
        c.addAddressSetting("out.#", partnerQueueSettings(config));
        // The national queue is only browsed and acknowledged, never rolled back: no delivery limit.
        c.addAddressSetting(Queues.IN_NATIONAL, new AddressSettings().setMaxDeliveryAttempts(-1)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS)));
        c.addQueueConfiguration(durableQueue(Queues.IN_NATIONAL));
        partners.forEach(country -> c.addQueueConfiguration(durableQueue(Queues.outbound(country))));
        return c;
    }

    /** Backoff between tries, then the partner's own dead-letter queue (DLQ.out.XX): never dropped. */
    private static AddressSettings partnerQueueSettings(BrokerConfiguration config) {
        return new AddressSettings()
                .setRedeliveryDelay(config.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(config.redeliveryMultiplier())
                .setMaxRedeliveryDelay(config.maxRedeliveryDelay().toMillis())
                .setMaxDeliveryAttempts(config.maxDeliveryAttempts())
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(DEAD_LETTER_PREFIX))
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS));
    }

    private static QueueConfiguration durableQueue(String name) {
        return QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }
}
