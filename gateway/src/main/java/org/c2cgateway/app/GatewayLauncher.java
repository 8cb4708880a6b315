package org.c2cgateway.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.runtime.server.EmbeddedServer;

import org.apache.camel.CamelContext;
import org.c2cgateway.app.config.ConfigurationSources;

/**
 * Starts one gateway from its country's configuration file. Several can run in one JVM (the demo and
 * the end-to-end tests do), each with its own context, broker, trace store and HTTPS port. A gateway
 * that cannot start throws, gives back what it had taken (ports, broker journal), and leaves the JVM (and
 * any other gateway in it) running.
 */
public final class GatewayLauncher {

    private GatewayLauncher() {
    }

    public static ApplicationContext start(Path configFile, Map<String, Object> overrides) {
        ConfigurationSources sources = new ConfigurationSources(configFile, overrides);
        ApplicationContext context = ApplicationContext.builder()
                .mainClass(Application.class)
                .banner(false)
                .deduceEnvironment(false)
                .propertySources(sources.read())
                .singletons(sources)
                .build();
        try {
            // started inside the try: a bean that fails late must not leave the broker, the routes and the
            // ports of the beans before it running in a JVM that goes on
            context.start();
            context.getBean(EmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            if (context.isRunning()) {
                context.close();
            } else {
                destroyWhatWasMade(context, e);
            }
            throw e;
        }
    }

    /**
     * Micronaut's stop destroys nothing of a context whose start failed (it needs a running context), so the
     * singletons made before the failure are destroyed here: the routes first, so that nothing is still
     * consuming from the broker as it goes.
     */
    private static void destroyWhatWasMade(ApplicationContext context, RuntimeException failure) {
        List<BeanRegistration<?>> made = new ArrayList<>(context.getActiveBeanRegistrations(Object.class));
        made.sort(Comparator.comparingInt(bean -> bean.bean() instanceof CamelContext ? 0 : 1));
        for (BeanRegistration<?> bean : made) {
            try {
                context.destroyBean(bean);
            } catch (RuntimeException notDestroyed) {
                failure.addSuppressed(notDestroyed);
            }
        }
    }
}
