package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.testing.CliRun;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script's calls with a personal access token: tokens made, listed and revoked by {@code tandem tokens} (the
 * command line in-process, on the same profile), the same JSON routes a paired browser uses called over real HTTP
 * with {@code Authorization: Bearer}, against the server running all along.
 */
@Tag("unit")
class AccessTokenApiTest {
    @TempDir
    Path dir;
    WebFixture web;
    TodoList work;
    TodoList home;
    Item report;
    Item garden;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        work = web.store.createList("Work");
        home = web.store.createList("Home");
        report = web.store.add("Write the report", work.id(), web.store.today());
        garden = web.store.add("Water the garden", home.id(), web.store.today());
    }

    @AfterEach
    void stop() {
        web.close();
    }

    /** {@code tandem tokens add NAME ARGS…}: the secret it printed alone on standard output. */
    private String add(String name, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "tokens";
        args[1] = "add";
        args[2] = name;
        System.arraycopy(more, 0, args, 3, more.length);
        CliRun.Result r = CliRun.run(dir, args);
        assertEquals(0, r.code(), r.err());
        String secret = r.out().strip();
        assertTrue(secret.matches("tdm_[A-Za-z0-9_-]{43}"), secret);
        return secret;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return web.http.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return web.http.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String outbox(String entry) {
        return "{\"entries\":[" + entry + "]}";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(HttpResponse<String> r, String field) {
        return (List<Map<String, Object>>) JsonText.object(r.body()).get(field);
    }

    private static List<Object> titles(HttpResponse<String> r) {
        return list(r, "items").stream().map(i -> i.get("title")).toList();
    }

    @Test
    void bearer_addedToken_readsTheListRouteWithNoCookieAndNoCsrf() throws Exception {
        String token = add("ci");

        HttpResponse<String> r = get("/api/items?view=list:" + work.id(), token);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("Write the report"), titles(r));
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "a token never gets a cookie");
        // A write needs no CSRF header: the token is no ambient credential a page of another site could send.
        HttpResponse<String> w = post("/api/outbox", token, outbox("{\"key\":\"script-add-0001\",\"op\":\"add\","
                + "\"text\":\"Send the invoice\",\"view\":\"list:" + work.id() + "\"}"));
        assertEquals(200, w.statusCode(), w.body());
        assertEquals("applied", list(w, "results").get(0).get("outcome"), w.body());
        assertTrue(web.store.findList("Work").isPresent());
        assertEquals(2, web.store.query(new Listing.UserListing(work.id())).size());
    }

    @Test
    void bearer_onABrowsersOwnRoutes_refusedWithoutACookie() throws Exception {
        String token = add("ci");

        HttpResponse<String> session = get("/api/session", token);
        HttpResponse<String> browsers = get("/api/browsers", token);

        assertEquals(403, session.statusCode(), session.body());
        assertEquals(403, browsers.statusCode(), browsers.body());
        assertTrue(session.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void readOnly_everyWrite_403AndNothingWritten() throws Exception {
        String token = add("reader", "--read-only");
        long before = web.store.query(new Listing.UserListing(work.id())).size();

        HttpResponse<String> read = get("/api/items/" + report.id(), token);
        HttpResponse<String> add = post("/api/outbox", token, outbox("{\"key\":\"script-add-0002\",\"op\":\"add\","
                + "\"text\":\"Sneak in\",\"view\":\"list:" + work.id() + "\"}"));
        HttpResponse<String> done = post("/api/outbox", token, outbox("{\"key\":\"script-done-0003\",\"op\":\"done\","
                + "\"id\":\"" + report.id() + "\",\"done\":true}"));
        HttpResponse<String> attach = post("/api/items/" + report.id() + "/attachments?name=a.txt", token, "hello");

        assertEquals(200, read.statusCode(), read.body());
        assertEquals(403, add.statusCode(), add.body());
        assertEquals(403, done.statusCode(), done.body());
        assertEquals(403, attach.statusCode(), attach.body());
        assertEquals(before, web.store.query(new Listing.UserListing(work.id())).size());
        assertFalse(web.store.get(report.id()).orElseThrow().isDone());
        assertTrue(web.store.attachments().of(report.id()).isEmpty());
    }

    @Test
    void lists_anotherListsItems_absentItsIds404AndWritesIntoItRefused() throws Exception {
        String token = add("work-only", "--lists", "Work");
        Item sub = web.store.add("Home subtask", home.id(), null);

        HttpResponse<String> sidebar = get("/api/sidebar", token);
        HttpResponse<String> today = get("/api/items?view=today", token);
        HttpResponse<String> search = get("/api/items?view=search&q=the", token);
        HttpResponse<String> agenda = get("/api/items?view=agenda", token);
        HttpResponse<String> other = get("/api/items/" + garden.id(), token);
        HttpResponse<String> nobody = get("/api/items/0190a6f0-0000-7000-8000-000000000000", token);
        HttpResponse<String> otherList = get("/api/items?view=list:" + home.id(), token);
        HttpResponse<String> inbox = get("/api/items?view=inbox", token);

        assertEquals(List.of("Work"), list(sidebar, "lists").stream().map(l -> l.get("name")).toList());
        assertEquals(List.of("Write the report"), titles(today));
        assertEquals(List.of("Write the report"), titles(search));
        assertFalse(agenda.body().contains("garden"), agenda.body());
        assertTrue(agenda.body().contains("Write the report"), agenda.body());
        assertEquals(404, other.statusCode());
        // An id from another list answers exactly as one that does not exist.
        assertEquals(nobody.body(), other.body());
        assertEquals(404, otherList.statusCode());
        assertEquals(404, inbox.statusCode());

        HttpResponse<String> done = post("/api/outbox", token, outbox("{\"key\":\"script-done-0004\",\"op\":\"done\","
                + "\"id\":\"" + garden.id() + "\",\"done\":true}"));
        HttpResponse<String> addInto = post("/api/outbox", token, outbox("{\"key\":\"script-add-0005\",\"op\":\"add\","
                + "\"text\":\"Mow the lawn #Home\",\"view\":\"list:" + work.id() + "\"}"));
        HttpResponse<String> under = post("/api/outbox", token, outbox("{\"key\":\"script-add-0006\",\"op\":\"add\","
                + "\"text\":\"Under it\",\"parentId\":\"" + sub.id() + "\",\"view\":\"list:" + work.id() + "\"}"));
        HttpResponse<String> newList = post("/api/outbox", token, outbox("{\"key\":\"script-add-0007\",\"op\":\"add\","
                + "\"text\":\"Elsewhere #Secret\",\"view\":\"list:" + work.id() + "\"}"));
        HttpResponse<String> moveOut = post("/api/outbox", token, outbox("{\"key\":\"script-edit-0008\",\"op\":\"edit\","
                + "\"id\":\"" + report.id() + "\",\"set\":{\"listId\":\"" + home.id() + "\"},\"base\":{\"listId\":\""
                + work.id() + "\"}}"));

        assertEquals(404L, ((Number) list(done, "results").get(0).get("status")).longValue(), done.body());
        assertEquals("refused", list(addInto, "results").get(0).get("outcome"), addInto.body());
        assertEquals("refused", list(under, "results").get(0).get("outcome"), under.body());
        assertEquals("refused", list(newList, "results").get(0).get("outcome"), newList.body());
        assertEquals("refused", list(moveOut, "results").get(0).get("outcome"), moveOut.body());
        assertFalse(web.store.get(garden.id()).orElseThrow().isDone());
        assertEquals(2, web.store.query(new Listing.UserListing(home.id())).size());
        assertTrue(web.store.findList("Secret").isEmpty(), "the list the text named was rolled back with the add");
        assertEquals(work.id(), web.store.get(report.id()).orElseThrow().listId());
    }

    /** A stale edit of {@code it}'s title through the outbox, which the title changed meanwhile makes a conflict. */
    private void conflictOn(Item it, String token, String key) throws Exception {
        web.store.update(it.id(), i -> i.withTitle(it.title() + " meanwhile"));
        HttpResponse<String> r = post("/api/outbox", token, outbox("{\"key\":\"" + key + "\",\"op\":\"edit\","
                + "\"id\":\"" + it.id() + "\",\"set\":{\"title\":\"" + it.title() + " by the script\"},"
                + "\"base\":{\"title\":\"" + it.title() + "\"}}"));
        assertEquals(409L, ((Number) list(r, "results").get(0).get("status")).longValue(), r.body());
    }

    @Test
    void lists_conflictsOfAnotherList_neitherListedNorCountedNorResolvable() throws Exception {
        String everything = add("all");
        String token = add("work-only", "--lists", "Work");
        conflictOn(report, everything, "script-edit-0011");
        conflictOn(garden, everything, "script-edit-0012");
        assertEquals(2, web.store.conflicts().list().size());
        long ours = web.store.conflicts().list().stream().filter(c -> c.entity().equals(report.id())).findFirst()
                .orElseThrow().id();
        long theirs = web.store.conflicts().list().stream().filter(c -> c.entity().equals(garden.id())).findFirst()
                .orElseThrow().id();

        HttpResponse<String> listed = get("/api/conflicts", token);
        HttpResponse<String> sidebar = get("/api/sidebar", token);
        HttpResponse<String> useTheirs = post("/api/conflicts/" + theirs + "/use-lost", token, "{}");
        HttpResponse<String> dismissTheirs = post("/api/conflicts/" + theirs + "/dismiss", token, "{}");
        HttpResponse<String> dismissNobodys = post("/api/conflicts/999999/dismiss", token, "{}");

        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(List.of(report.id()), list(listed, "conflicts").stream().map(c -> c.get("itemId")).toList());
        assertFalse(listed.body().contains("garden"), listed.body());
        assertEquals("all", list(listed, "conflicts").get(0).get("lostBy"), "the script's side, named by its token");
        assertEquals(1L, ((Number) JsonText.object(sidebar.body()).get("conflicts")).longValue(), sidebar.body());
        assertEquals(404, useTheirs.statusCode(), useTheirs.body());
        assertEquals(404, dismissTheirs.statusCode(), dismissTheirs.body());
        // A conflict of another list answers exactly as one nobody has.
        assertEquals(dismissNobodys.body(), dismissTheirs.body());
        assertEquals("Water the garden meanwhile", web.store.get(garden.id()).orElseThrow().title());
        assertEquals(2, web.store.conflicts().list().size(), "the other list's conflict is still there");
        assertEquals(2, list(get("/api/conflicts", everything), "conflicts").size(), "a token for every list sees both");

        assertEquals(204, post("/api/conflicts/" + ours + "/use-lost", token, "{}").statusCode());
        assertEquals("Write the report by the script", web.store.get(report.id()).orElseThrow().title());
    }

    @Test
    void lists_filesOfAnotherList_404AsUnknownAndOneOfItsOwnServed() throws Exception {
        String token = add("work-only", "--lists", "Work");
        var mine = web.store.attachments().add(report.id(), new java.io.ByteArrayInputStream("figures".getBytes()),
                "figures.txt", "text/plain", 1 << 20);
        var theirs = web.store.attachments().add(garden.id(), new java.io.ByteArrayInputStream("plan".getBytes()),
                "plan.txt", "text/plain", 1 << 20);

        HttpResponse<String> own = get("/api/attachments/" + mine.id(), token);
        HttpResponse<String> other = get("/api/attachments/" + theirs.id(), token);
        HttpResponse<String> nobody = get("/api/attachments/0190a6f0-0000-7000-8000-000000000000", token);
        HttpResponse<String> upload = post("/api/items/" + garden.id() + "/attachments?name=x.txt", token, "sneaked");

        assertEquals(200, own.statusCode(), own.body());
        assertEquals("figures", own.body());
        assertEquals(404, other.statusCode());
        assertEquals(nobody.body(), other.body());
        assertEquals(404, upload.statusCode(), upload.body());
        assertEquals(1, web.store.attachments().of(garden.id()).size());
    }

    @Test
    void revoke_whileTheServerRuns_theNextRequest401() throws Exception {
        String token = add("ci");
        assertEquals(200, get("/api/sidebar", token).statusCode());

        CliRun.Result r = CliRun.run(dir, "tokens", "revoke", "ci");

        assertEquals(0, r.code(), r.err());
        HttpResponse<String> after = get("/api/sidebar", token);
        assertEquals(401, after.statusCode(), after.body());
    }

    @Test
    void list_afterACall_showsTheLastUseAndNeverTheSecret() throws Exception {
        String token = add("ci", "--lists", "Work", "--read-only");
        CliRun.Result unused = CliRun.run(dir, "tokens", "list");
        assertTrue(unused.out().contains("never used"), unused.out());

        assertEquals(200, get("/api/sidebar", token).statusCode());

        CliRun.Result shown = CliRun.run(dir, "tokens", "list");
        CliRun.Result json = CliRun.run(dir, "tokens", "list", "--json");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("last used") && shown.out().contains("127.0.0.1"), shown.out());
        assertTrue(shown.out().contains("reads Work"), shown.out());
        Map<String, Object> row = JsonText.object("{\"t\":" + json.out() + "}");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) row.get("t")).get(0);
        assertEquals("127.0.0.1", first.get("address"));
        assertTrue(String.valueOf(first.get("lastUsed")).startsWith("2026-11-25T10:00"), first.toString());
        assertEquals(List.of("Work"), first.get("lists"));
        String secretPart = token.substring(4);
        assertFalse(shown.out().contains(secretPart) || json.out().contains(secretPart));
        assertFalse(Files.readString(dir.resolve(AccessTokens.FILE)).contains(secretPart), "only its hash is kept");
    }
}
