package dev.tandem.app.vm.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RemoteChoiceTest {
    private final StringProperty remote = new SimpleStringProperty("");
    private final RemoteChoice choice = new RemoteChoice(remote);

    @Test
    void kindAndAddress_chosen_makeTheRemotesOneLineForm() {
        choice.kindProperty().set(RemoteChoice.Kind.WEBDAV);
        choice.addressProperty().set("https://cloud.example.com/dav/Shared ");
        assertEquals("webdav:https://cloud.example.com/dav/Shared", remote.get());

        choice.kindProperty().set(RemoteChoice.Kind.S3);
        assertEquals("s3://https://cloud.example.com/dav/Shared", remote.get(), "the address stays as typed");
        choice.addressProperty().set("family-lists/groceries");
        assertEquals("s3://family-lists/groceries", remote.get());
    }

    @Test
    void remote_setElsewhere_showsAsKindAndAddress() {
        remote.set("folder:/home/sam/Dropbox/Groceries");
        assertEquals(RemoteChoice.Kind.FOLDER, choice.kindProperty().get());
        assertEquals("/home/sam/Dropbox/Groceries", choice.addressProperty().get());

        remote.set("S3://bucket/prefix");
        assertEquals(RemoteChoice.Kind.S3, choice.kindProperty().get());
        assertEquals("bucket/prefix", choice.addressProperty().get());
    }

    @Test
    void address_aWholeOneLineFormPasted_choosesItsKind() {
        choice.addressProperty().set("webdav:https://cloud.example.com/dav/Shared");
        assertEquals(RemoteChoice.Kind.WEBDAV, choice.kindProperty().get());
        assertEquals("https://cloud.example.com/dav/Shared", choice.addressProperty().get());
        assertEquals("webdav:https://cloud.example.com/dav/Shared", remote.get());
    }

    @Test
    void address_cleared_leavesNoRemote() {
        remote.set("webdav:https://x/y");
        choice.addressProperty().set("  ");
        assertEquals("", remote.get());
    }
}
