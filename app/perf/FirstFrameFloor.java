import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * JavaFX's own first frame on this machine, for first-frame-floor.sh: the steps the app's start takes, with none of
 * the app. A window shows a placeholder label with Modena, then gets a root of the main window's shape (a header
 * with a field and buttons, a sidebar list, an item list, a details pane) and is timed, as the app is, from the JVM's
 * start to the second pulse after that root was set. Argument {@code bare}: the placeholder's frame alone.
 */
public final class FirstFrameFloor extends Application {
    @Override
    public void start(Stage stage) {
        boolean bare = getParameters().getRaw().contains("bare");
        StackPane placeholder = new StackPane(new Label("Opening…"));
        Scene scene = new Scene(placeholder, 1180, 740);
        stage.setTitle("Floor");
        stage.setScene(scene);
        stage.show();
        if (!bare) {
            scene.setRoot(window());
        }
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return;
                }
                stop();
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("floor first-frame-ms=" + (System.currentTimeMillis() - jvmStart));
                Platform.exit();
            }
        }.start();
    }

    private static BorderPane window() {
        HBox header = new HBox(8, new Button("☰"), new TextField(), new Button("Add"), new Button("Sync"));
        ListView<String> sidebar = new ListView<>(FXCollections.observableArrayList("Inbox", "Today", "Upcoming",
                "Anytime", "Someday", "Logbook", "Trash", "Home", "Work", "Garden"));
        sidebar.setPrefWidth(220);
        ListView<String> items = new ListView<>(FXCollections.observableArrayList("Welcome to the floor",
                "A second row", "A third row"));
        VBox details = new VBox(8, new Label("Details"), new TextField("A title"), new Label("Notes"));
        details.setPrefWidth(320);
        BorderPane root = new BorderPane(items, header, details, null, sidebar);
        return root;
    }

    public static void main(String[] args) {
        launch(args);
    }
}
