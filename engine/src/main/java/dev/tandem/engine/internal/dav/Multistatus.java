package dev.tandem.engine.internal.dav;

import dev.tandem.engine.sync.SyncException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A PROPFIND answer (207 Multi-Status, RFC 4918 §13) read with the JDK's StAX parser: per
 * {@code response}, its path and whether it is a collection, with the ETag and length when given. Only
 * properties in a 2xx {@code propstat} count. DTDs and external entities are refused, since the
 * answer comes from a server Tandem does not trust.
 */
public final class Multistatus {
    private static final String DAV = "DAV:";
    private static final XMLInputFactory FACTORY = untrustedXml();

    /**
     * One {@code response}: {@code path} is the href's decoded path (always absolute); {@code length}
     * is its {@code getcontentlength}, -1 when not given.
     */
    public record Entry(String path, boolean collection, String etag, long length) {
    }

    private Multistatus() {
    }

    /**
     * The entries of a 207 body; {@code base} resolves relative hrefs. Anything but a multistatus
     * is a server that does not speak WebDAV properly: an error with {@code head} in front.
     */
    public static List<Entry> parse(String head, byte[] body, URI base) {
        List<Entry> entries = new ArrayList<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !isDav(r, "multistatus")) {
                    throw malformed(head, "it is not a WebDAV multistatus");
                }
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && isDav(r, "response")) {
                        Entry e = response(r, base);
                        if (e != null) {
                            entries.add(e);
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(head, "it is not well-formed XML: " + e.getMessage());
        }
        return entries;
    }

    /** Reads one {@code response} up to its end tag; null when it has no usable href. */
    private static Entry response(XMLStreamReader r, URI base) throws XMLStreamException {
        String href = null;
        boolean collection = false;
        String etag = null;
        long length = -1;
        boolean inPropstat = false;
        boolean propstatOk = true;
        boolean propstatCollection = false;
        String propstatEtag = null;
        long propstatLength = -1;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (isDav(r, "href") && href == null && !inPropstat) {
                    href = r.getElementText().strip();
                    depth--;
                } else if (isDav(r, "propstat")) {
                    inPropstat = true;
                    propstatOk = true;
                    propstatCollection = false;
                    propstatEtag = null;
                    propstatLength = -1;
                } else if (inPropstat && isDav(r, "collection")) {
                    propstatCollection = true;
                } else if (inPropstat && isDav(r, "getetag")) {
                    propstatEtag = r.getElementText().strip();
                    depth--;
                } else if (inPropstat && isDav(r, "getcontentlength")) {
                    propstatLength = length(r.getElementText());
                    depth--;
                } else if (inPropstat && isDav(r, "status")) {
                    propstatOk = isSuccess(r.getElementText());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (isDav(r, "propstat")) {
                    inPropstat = false;
                    if (propstatOk) {
                        collection |= propstatCollection;
                        etag = propstatEtag != null ? propstatEtag : etag;
                        length = propstatLength >= 0 ? propstatLength : length;
                    }
                }
            }
        }
        String path = href == null ? null : path(href, base);
        return path == null ? null
                : new Entry(path, collection, etag == null || etag.isEmpty() ? null : etag, length);
    }

    /** A {@code getcontentlength}; -1 when it is not a length (an empty element, garbage). */
    private static long length(String text) {
        try {
            long n = Long.parseLong(text.strip());
            return n >= 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isSuccess(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        return parts.length >= 2 && parts[1].startsWith("2");
    }

    /** The decoded path of an href, absolute or relative to {@code base}; null when it is not a URL. */
    public static String path(String href, URI base) {
        try {
            URI u = base.resolve(new URI(href));
            return u.getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isDav(XMLStreamReader r, String name) {
        return DAV.equals(r.getNamespaceURI()) && name.equals(r.getLocalName());
    }

    /** A StAX factory for XML from a server Tandem does not trust: no DTDs, no external entities. */
    public static XMLInputFactory untrustedXml() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // The JDK's own parser supports it; another StAX implementation refuses DTDs above anyway.
        }
        return f;
    }

    private static SyncException malformed(String head, String why) {
        return new SyncException(SyncException.Reason.IO, head + "the server's answer to a folder listing cannot be "
                + "read (" + why + "); it does not speak WebDAV as Tandem needs");
    }
}
