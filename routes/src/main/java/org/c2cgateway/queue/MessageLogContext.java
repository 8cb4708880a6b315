package org.c2cgateway.queue;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;

/**
 * Names the message in every log line about it: before each step of a route, the logging MDC gets the
 * {@value #MESSAGE_ID} and {@value #MRN} of the notification the exchange carries (its {@link QueueHeaders}), and
 * after the step they are taken out again. Done per step from the exchange itself, it holds whichever thread runs
 * the step (JMS listeners, the redelivery scheduler, the split's, CXF's), where a value put once at the start of a
 * route would stay behind on the first thread or leak to the next message. Builds on Camel's own MDC unit of work,
 * which adds the route and exchange ids ({@code camel.routeId}, {@code camel.exchangeId}).
 */
public final class MessageLogContext {

    public static final String MESSAGE_ID = "messageId";
    public static final String MRN = "mrn";

    private MessageLogContext() {
    }

    /** Turns it on for every route of the context; before the routes are added. */
    public static void install(CamelContext camel) {
        camel.setUseMDCLogging(true);
        camel.getCamelContextExtension().addContextPlugin(UnitOfWorkFactory.class, MessageUnitOfWork::new);
    }

    /** Camel's MDC unit of work, plus the notification's identifiers. */
    static final class MessageUnitOfWork extends MDCUnitOfWork {

        MessageUnitOfWork(Exchange exchange) {
            super(exchange, exchange.getContext().getInflightRepository(), null,
                    Boolean.TRUE.equals(exchange.getContext().isAllowUseOriginalMessage()),
                    Boolean.TRUE.equals(exchange.getContext().isUseBreadcrumb()));
        }

        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            putOrRemove(MESSAGE_ID, exchange.getMessage().getHeader(QueueHeaders.MESSAGE_ID, String.class));
            putOrRemove(MRN, exchange.getMessage().getHeader(QueueHeaders.MRN, String.class));
        }

        private static void putOrRemove(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new MessageUnitOfWork(exchange);
        }

        @Override
        public void clear() {
            super.clear();
            MDC.remove(MESSAGE_ID);
            MDC.remove(MRN);
        }
    }
}
