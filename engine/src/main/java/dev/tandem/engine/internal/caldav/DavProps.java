package dev.tandem.engine.internal.caldav;

import dev.tandem.engine.internal.dav.Multistatus;
import dev.tandem.engine.sync.SyncException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A 207 Multi-Status answer to PROPFIND or REPORT (RFC 4918, 4791, 6578), read with the JDK's StAX
 * parser into what CalDAV needs: per {@code response} its href, its own status (a removed member of
 * a sync-collection report has one), and the properties of its 2xx {@code propstat}s, each as its
 * text, the hrefs it holds and the names of its child elements ({@code resourcetype}, the component
 * set). Properties are keyed by {@code "{namespace}local"}. The report's {@code sync-token} is kept.
 *
 * <p>The answer comes from a server Tandem does not trust: DTDs and external entities are refused,
 * and a text longer than {@link #MAX_TEXT} characters (a calendar object's data) is kept only up to
 * there and marked {@link Prop#cut() cut}: whether a cut iCalendar text parses is up to its reader
 * (ical4j refuses one without its end), so the caller looks at the mark, not at the text.
 */
final class DavProps {
    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    static final String CS = "http://calendarserver.org/ns/";
    static final int MAX_TEXT = 2_000_000;
    private static final XMLInputFactory FACTORY = coalescing(Multistatus.untrustedXml());

    /**
     * One property: its text (stripped; "" when none), the hrefs inside it and its children's names;
     * {@code cut} when its text ran past {@link #MAX_TEXT} characters and {@code text} is only its start.
     */
    record Prop(String text, boolean cut, List<String> hrefs, List<String> children, List<String> compNames) {
    }

    /** One {@code response}: {@code path} is the decoded absolute path; {@code status} 0 when the response has none. */
    record Response(String path, int status, Map<String, Prop> props) {
        Prop prop(String ns, String local) {
            return props.get("{" + ns + "}" + local);
        }

        String text(String ns, String local) {
            Prop p = prop(ns, local);
            return p == null || p.text().isEmpty() ? null : p.text();
        }
    }

    /** The responses and the report's own {@code sync-token}, or null. */
    record Answer(List<Response> responses, String syncToken) {
    }

    private DavProps() {
    }

    static Answer parse(String head, byte[] body, URI base) {
        List<Response> responses = new ArrayList<>();
        String token = null;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !is(r, DAV, "multistatus")) {
                    throw malformed(head, "it is not a WebDAV multistatus");
                }
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT && is(r, DAV, "response")) {
                        Response resp = response(r, base);
                        if (resp != null) {
                            responses.add(resp);
                        }
                    } else if (event == XMLStreamConstants.START_ELEMENT && is(r, DAV, "sync-token")) {
                        token = r.getElementText().strip();
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(head, "it is not well-formed XML: " + e.getMessage());
        }
        return new Answer(responses, token == null || token.isEmpty() ? null : token);
    }

    private static Response response(XMLStreamReader r, URI base) throws XMLStreamException {
        String href = null;
        int status = 0;
        Map<String, Prop> props = new HashMap<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && is(r, DAV, "response")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (is(r, DAV, "href") && href == null) {
                href = r.getElementText().strip();
            } else if (is(r, DAV, "status")) {
                status = statusCode(r.getElementText());
            } else if (is(r, DAV, "propstat")) {
                propstat(r, base, props);
            }
        }
        String path = href == null ? null : path(href, base);
        return path == null ? null : new Response(path, status, props);
    }

    /** Reads one propstat; its properties count only when its status is 2xx. */
    private static void propstat(XMLStreamReader r, URI base, Map<String, Prop> into) throws XMLStreamException {
        Map<String, Prop> found = new HashMap<>();
        int status = 200;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && is(r, DAV, "propstat")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (is(r, DAV, "status")) {
                status = statusCode(r.getElementText());
            } else if (is(r, DAV, "prop")) {
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.END_ELEMENT && is(r, DAV, "prop")) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        String key = "{" + r.getNamespaceURI() + "}" + r.getLocalName();
                        found.put(key, prop(r, base));
                    }
                }
            }
        }
        if (status >= 200 && status < 300) {
            into.putAll(found);
        }
    }

    /** Reads one property element up to its end: text, hrefs, children's names and {@code comp} names. */
    private static Prop prop(XMLStreamReader r, URI base) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        List<String> hrefs = new ArrayList<>();
        List<String> children = new ArrayList<>();
        List<String> comps = new ArrayList<>();
        boolean cut = false;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1) {
                    children.add("{" + r.getNamespaceURI() + "}" + r.getLocalName());
                }
                if (is(r, DAV, "href")) {
                    String p = path(r.getElementText().strip(), base);
                    if (p != null) {
                        hrefs.add(p);
                    }
                    continue;
                }
                if (is(r, CALDAV, "comp") && r.getAttributeValue(null, "name") != null) {
                    comps.add(r.getAttributeValue(null, "name").strip().toUpperCase(java.util.Locale.ROOT));
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && depth == 1 && !cut) {
                int room = MAX_TEXT - text.length();
                cut = r.getTextLength() > room;
                text.append(r.getText(), 0, Math.min(r.getTextLength(), room));
            }
        }
        return new Prop(text.toString().strip(), cut, hrefs, children, comps);
    }

    private static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String path(String href, URI base) {
        return Multistatus.path(href, base);
    }

    private static boolean is(XMLStreamReader r, String ns, String local) {
        return ns.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
    }

    /** Calendar data arrives as text, CDATA or both: one string per property. */
    private static XMLInputFactory coalescing(XMLInputFactory f) {
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static SyncException malformed(String head, String why) {
        return new SyncException(SyncException.Reason.IO, head + "the server's answer cannot be read (" + why
                + "); it does not speak CalDAV as Tandem needs");
    }
}
