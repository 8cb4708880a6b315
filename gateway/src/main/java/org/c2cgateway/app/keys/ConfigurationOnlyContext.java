package org.c2cgateway.app.keys;

import java.util.List;
import java.util.function.Function;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.BeanDefinitionReference;

import org.c2cgateway.app.config.ConfigurationSources;
import org.c2cgateway.keys.KeyConfigurationException;

/**
 * A Micronaut context that only binds and validates the gateway's configuration records, for a configuration
 * file that is not (yet) in force: the candidate of a reload, a file the {@code keys} command has edited, or the
 * one the {@code rules} commands read.
 * It binds with the very records and constraints the gateway starts with, so a file passes here exactly when
 * a restart would take it; yet it starts nothing, since only configuration beans (and Micronaut's own context
 * and validation beans) are defined in it: no broker, no routes, no server, no event listener of the gateway.
 */
public final class ConfigurationOnlyContext extends DefaultApplicationContext {

    private ConfigurationOnlyContext(ApplicationContextConfiguration configuration) {
        super(configuration);
    }

    /**
     * Binds the configuration as it is on disk now and hands it to {@code reader}.
     *
     * @throws KeyConfigurationException naming the file and the setting that cannot be bound
     */
    public static <T> T read(ConfigurationSources sources, Function<ApplicationContext, T> reader) {
        PropertySource[] read;
        try {
            read = sources.read();
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException(sources.configFile().toString(), e.getMessage(), e);
        }
        ConfigurationOnlyContext context = new ConfigurationOnlyContext((ApplicationContextConfiguration)
                ApplicationContext.builder().banner(false).deduceEnvironment(false));
        for (PropertySource source : read) {
            context.getEnvironment().addPropertySource(source);
        }
        try (ApplicationContext started = context.start()) {
            return reader.apply(started);
        } catch (KeyConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KeyConfigurationException(sources.configFile().toString(), bindingProblem(e), e);
        }
    }

    @Override
    protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        return super.resolveBeanDefinitionReferences().stream().filter(ConfigurationOnlyContext::wanted).toList();
    }

    private static boolean wanted(BeanDefinitionReference<?> reference) {
        String type = reference.getBeanType().getName();
        return reference.isConfigurationProperties() && type.startsWith("org.c2cgateway.")
                || type.startsWith("io.micronaut.context.") || type.startsWith("io.micronaut.validation.");
    }

    /** Micronaut's message without the injection path, e.g. "... EncryptionKeyConfiguration ... slot - must be ...". */
    private static String bindingProblem(RuntimeException e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = String.valueOf(deepest.getMessage());
        int path = message.indexOf("Path Taken");
        return (path > 0 ? message.substring(0, path) : message).replaceAll("\\s+", " ").trim();
    }
}
