package org.gongzhi.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
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
        Locale locale = LocaleConfiguration.preferred(request.getHeader("Accept-Language"));
        String code = "http." + status;
        String detail = messages.getMessage(code, null, code, locale);
        String title = messages.getMessage("problem.title." + status, null, "", locale);
        String accept = request.getHeader("Accept");
        boolean page = accept != null && accept.contains("text/html");
        try {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(page ? "text/html;charset=UTF-8" : "application/problem+json;charset=UTF-8");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (page) {
                out.write("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + escape(title)
                        + "</title></head><body><h1>" + status + " " + escape(title) + "</h1><p>" + escape(detail)
                        + "</p><p><a href=\"/\">共治 Gongzhi</a></p></body></html>");
            } else {
                out.write("{\"type\":\"urn:gongzhi:problem:" + code + "\",\"title\":" + quote(title) + ",\"status\":"
                        + status + ",\"detail\":" + quote(detail) + ",\"code\":\"" + code + "\"}");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response is already on its way: nothing more to say.
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
