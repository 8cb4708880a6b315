package org.c2cgateway.app.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.c2cgateway.app.access.PasswordHash;

/**
 * The embedded broker's two accounts. The gateway itself connects in-VM as {@value #GATEWAY_USER}, with a
 * password drawn at random on each start and never written anywhere; the account is refused on any
 * network connection. The national system connects over the national acceptor with its own account, whose
 * password is checked against a PBKDF2 hash from the secrets. Anonymous connections get nothing.
 *
 * <p>What each role may do is in the broker's security settings ({@link EmbeddedBroker}): the gateway
 * everything, the national system only its intake and reply queues.
 */
final class BrokerAccounts implements ActiveMQSecurityManager5 {

    static final String GATEWAY_USER = "c2c-gateway";
    static final String GATEWAY_ROLE = "gateway";
    static final String NATIONAL_ROLE = "national";

    private final byte[] gatewayPassword;
    private final String nationalUser;
    private final PasswordHash nationalPassword;

    /**
     * @param gatewayPassword  the gateway's own in-VM password (random per start)
     * @param nationalUser     the national system's user name, or {@code null} when there is no national acceptor
     * @param nationalPassword its password hash
     */
    BrokerAccounts(String gatewayPassword, String nationalUser, PasswordHash nationalPassword) {
        this.gatewayPassword = gatewayPassword.getBytes(StandardCharsets.UTF_8);
        this.nationalUser = nationalUser;
        this.nationalPassword = nationalPassword;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (user == null || password == null) {
            return null;
        }
        if (GATEWAY_USER.equals(user)) {
            boolean inVm = connection != null && connection.getTransportConnection() instanceof InVMConnection;
            return inVm && MessageDigest.isEqual(gatewayPassword, password.getBytes(StandardCharsets.UTF_8))
                    ? subject(user, GATEWAY_ROLE) : null;
        }
        if (nationalUser != null && nationalUser.equals(user) && nationalPassword.matches(password.toCharArray())) {
            return subject(user, NATIONAL_ROLE);
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null || roles == null) {
            return false;
        }
        Set<String> granted = subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .collect(Collectors.toSet());
        return roles.stream().anyMatch(role -> granted.contains(role.getName()) && checkType.hasRole(role));
    }

    /** The older entry points; the broker uses {@link #authenticate} and {@link #authorize} with this manager. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }
}
