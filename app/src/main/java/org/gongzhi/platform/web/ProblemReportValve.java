package org.gongzhi.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.gongzhi.platform.ProblemText;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests that Tomcat refuses before the application sees them — a NUL or an encoded slash ({@code %2F}) in the
 * path, a malformed request line — would get Tomcat's own HTML page. This valve answers them in the one error format
 * instead: problem+json with the status's code and message, or a short page in the reader's language for a browser.
 */
class ProblemReportValve extends ErrorReportValve {

    private final MessageSource messages;

    ProblemReportValve(MessageSource messages) {
        this.messages = messages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemText problem = RequestTextFilter.problem(request, status, "http." + status, messages);
        try {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(problem.contentType());
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            out.write(problem.body());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response is already on its way: nothing more to say.
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(MessageSource messages) {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // The host adds its own report valve at start unless one of the configured class is present.
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve(messages));
                }
            });
        }
    }
}
