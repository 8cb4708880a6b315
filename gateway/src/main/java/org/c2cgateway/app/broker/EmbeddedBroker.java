package org.c2cgateway.app.broker;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.c2cgateway.app.access.PasswordHash;
import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.app.config.NationalAcceptorConfiguration;
import org.c2cgateway.app.config.NationalQueueConfiguration;
import org.c2cgateway.delivery.RetryPolicy;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.AccessRefusals;

/**
 * The embedded Artemis broker of a single-machine gateway. It opens no network acceptor by default (the
 * machine's standard AMQP and MQTT ports belong to other services): the gateway reaches it in-VM. The
 * one optional acceptor is for the national system's queue channel, on a port of its own.
 * Everything is persistent, with journal sync, so "queued" means "on disk".
 *
 * <p>Security is on ({@link BrokerAccounts}): the gateway connects in-VM with an account of its own, the
 * national system over its acceptor with an account that may send to the intake queue and read the reply
 * queue, and nothing else. The cluster user, which would bypass every check, gets a random password.
 */
public final class EmbeddedBroker {

    /** The property Artemis keeps a dead letter's original address in. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    /** Nothing the gateway sends expires; the address exists so that a message given a TTL elsewhere is kept. */
    static final String EXPIRY_ADDRESS = "EXPIRED";
    private static final int ROUTE_DECIDES = -1;

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int serverId;
    /** The gateway's own in-VM password: random on each start, held only here and by the connection factory. */
    private final String gatewayPassword = randomSecret();

    public EmbeddedBroker(BrokerConfiguration config, Path dataDir, Map<String, RetryPolicy> partnerRetries) {
        this(config, dataDir, partnerRetries, null, Optional.empty(), NationalChannel.PULL, null);
    }

    /**
     * @param partnerRetries   each partner's retry policy, by country: the backoff of its queue
     * @param nationalQueue    the national queue channel's queues, created durable; none when {@code null}
     * @param nationalAcceptor the network acceptor the national system reaches them through, if any
     * @param delivery         how received notifications leave the national queue
     * @param refusals         where refused logins and operations are traced; none when {@code null}
     */
    public EmbeddedBroker(BrokerConfiguration config, Path dataDir, Map<String, RetryPolicy> partnerRetries,
                          NationalQueueConfiguration nationalQueue, Optional<NationalAcceptorConfiguration> nationalAcceptor,
                          NationalChannel delivery, AccessRefusals refusals) {
        this.serverId = config.serverId();
        Configuration configuration = configuration(config, dataDir, partnerRetries.keySet());
        configuration.putSecurityRoles("#", Set.of(gatewayRole()));
        SimpleString deadLetterAddress = SimpleString.of(config.deadLetterAddress());
        partnerRetries.forEach((country, retry) -> configuration.addAddressSetting(Queues.outbound(country),
                retrySettings(retry, deadLetterAddress)));
        delivery.configure(configuration, config);
        if (nationalQueue != null) {
            nationalQueues(configuration, nationalQueue);
        }
        nationalAcceptor.ifPresent(acceptor -> configuration.addAcceptorConfiguration(new TransportConfiguration(
                NettyAcceptorFactory.class.getName(), Map.of(
                        org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants.HOST_PROP_NAME, acceptor.host(),
                        org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants.PORT_PROP_NAME, acceptor.port(),
                        org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants.PROTOCOLS_PROP_NAME,
                        acceptor.protocols()), "national")));
        server.setConfiguration(configuration);
        server.setSecurityManager(new BrokerAccounts(gatewayPassword,
                nationalAcceptor.map(NationalAcceptorConfiguration::user).orElse(null),
                nationalAcceptor.map(a -> PasswordHash.parse("c2c.broker.national-acceptor.password-hash", a.passwordHash()))
                        .orElse(null), refusals));
    }

    /**
     * The intake queue, its reply queue and its own dead-letter queue (its own address, so that the
     * channel's explicit dead letters and the broker's exhausted redeliveries end in one place). Only
     * gateway failures roll a message back: a few attempts with backoff, then the dead-letter queue.
     */
    private static void nationalQueues(Configuration c, NationalQueueConfiguration national) {
        c.addAddressSetting(national.queue(), new AddressSettings()
                .setRedeliveryDelay(national.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(national.maxDeliveryAttempts())
                .setDeadLetterAddress(SimpleString.of(national.deadLetterQueue()))
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS)));
        c.addQueueConfiguration(durableQueue(national.queue()));
        c.addQueueConfiguration(durableQueue(national.replyQueue()));
        c.addQueueConfiguration(durableQueue(national.deadLetterQueue()));
        // the most specific match wins whole, so each names the gateway's role too
        c.putSecurityRoles(national.queue(), Set.of(gatewayRole(), nationalRole(true, false)));
        c.putSecurityRoles(national.replyQueue(), Set.of(gatewayRole(), nationalRole(false, true)));
    }

    static Role gatewayRole() {
        return new Role(BrokerAccounts.GATEWAY_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    /**
     * The national system sends to its intake queue and reads (consumes, browses) its reply queue and, on the
     * QUEUE delivery channel, its delivery queue; nothing more.
     */
    static Role nationalRole(boolean send, boolean read) {
        return new Role(BrokerAccounts.NATIONAL_ROLE, send, read, false, false, false, false, false, read, false, false,
                false, false);
    }

    /** How many messages a queue holds now. */
    public long messageCount(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    /** Whether the broker is started and serving (not stopped, not a backup waiting for its live server). */
    public boolean active() {
        var running = server.getActiveMQServer();
        return running != null && running.isActive();
    }

    /** Where the broker keeps its journal: the disk whose free space decides whether it can take messages. */
    public Path journalDirectory() {
        return server.getActiveMQServer().getConfiguration().getJournalLocation().toPath();
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

    /** A connection factory for the gateway's own (in-VM) clients, logged in with the gateway's account. */
    public ActiveMQConnectionFactory gatewayConnectionFactory() {
        return new ActiveMQConnectionFactory(inVmUrl(), BrokerAccounts.GATEWAY_USER, gatewayPassword);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
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
                .setSecurityEnabled(true)
                .setClusterPassword(randomSecret())
                .setJMXManagementEnabled(false)
                .setMaxDiskUsage(config.maxDiskUsage());
        c.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of(TransportConstants.SERVER_ID_PROP_NAME, config.serverId()), "in-vm"));
        // Every address has somewhere to put what cannot be delivered or expires; the more specific settings
        // below inherit these and add their own.
        SimpleString deadLetterAddress = SimpleString.of(config.deadLetterAddress());
        c.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(deadLetterAddress)
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS)));
        c.addQueueConfiguration(durableQueue(Queues.IN_NATIONAL));
        c.addQueueConfiguration(durableQueue(Queues.DELIVERY_STATUS));
        c.addAddressSetting(Queues.DELIVERY_STATUS, deliveryStatusRetries(deadLetterAddress));
        partners.forEach(country -> c.addQueueConfiguration(durableQueue(Queues.outbound(country))));
        partners.forEach(country -> c.addQueueConfiguration(deadLetterQueue(config, Queues.outbound(country))));
        return c;
    }

    /**
     * A retry policy as the broker applies it: exponential backoff with jitter (collision avoidance) between
     * tries. When to give up (time-to-live, attempt cap) is the consuming route's to decide: it moves the
     * message to the queue's own dead-letter queue ({@code DLQ.<queue>}) itself, in its transaction. The
     * broker sets no delivery limit, since its delivery count also counts deliveries held back for order.
     */
    static AddressSettings retrySettings(RetryPolicy retry, SimpleString deadLetterAddress) {
        return new AddressSettings()
                .setRedeliveryDelay(retry.initialDelay().toMillis())
                .setRedeliveryMultiplier(retry.multiplier())
                .setMaxRedeliveryDelay(retry.maxDelay().toMillis())
                .setRedeliveryCollisionAvoidanceFactor(retry.jitter())
                .setMaxDeliveryAttempts(ROUTE_DECIDES)
                .setDeadLetterAddress(deadLetterAddress)
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(Queues.DEAD_LETTER_PREFIX))
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS));
    }

    /**
     * Delivery statuses going back to partners: tried again with backoff up to ten minutes apart, for about
     * a day and a half (200 attempts), then left in the dead-letter address for an operator. A status is
     * small and the notification it is about was delivered already, so nothing waits for it meanwhile.
     */
    static AddressSettings deliveryStatusRetries(SimpleString deadLetterAddress) {
        return new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(600_000)
                .setRedeliveryCollisionAvoidanceFactor(0.2)
                .setMaxDeliveryAttempts(200)
                .setDeadLetterAddress(deadLetterAddress)
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS));
    }

    /**
     * A queue's dead-letter queue, declared up front exactly as the broker would auto-create it on the first
     * dead letter: so that an operator can look into it (and a replay can read from it) before there ever was one.
     */
    static QueueConfiguration deadLetterQueue(BrokerConfiguration config, String queue) {
        return QueueConfiguration.of(Queues.deadLetterOf(queue)).setAddress(config.deadLetterAddress())
                .setRoutingType(RoutingType.ANYCAST).setDurable(true)
                .setFilterString(ORIGINAL_ADDRESS + " = '" + queue + "'");
    }

    static QueueConfiguration durableQueue(String name) {
        return QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }
}
