package dev.tandem.app.view;

import java.util.function.DoubleSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * A form that scrolls up and down inside a dialog that the screen caps: as wide as the dialog, never
 * scrolling sideways, and as high as the form is at that width, since its hints and errors wrap.
 * (The default skin asks the form's height for no width, as if every line were unwrapped, so a
 * form that fits would scroll.) What gets the focus, or is revealed on purpose, scrolls into view.
 */
public final class FormScroll extends ScrollPane {
    private final DoubleSupplier widthBeforeLayout;

    /** {@code widthBeforeLayout}: the width the pane will get, for the first layout of its dialog. */
    public FormScroll(DoubleSupplier widthBeforeLayout) {
        this.widthBeforeLayout = widthBeforeLayout;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Node form = getContent();
        if (form == null) {
            return super.computePrefHeight(width);
        }
        Insets in = getInsets();
        double w = width >= 0 ? width : getWidth() > 0 ? getWidth() : widthBeforeLayout.getAsDouble();
        return snapSizeY(form.prefHeight(Math.max(0, w - in.getLeft() - in.getRight())) + in.getTop() + in.getBottom());
    }

    /** Tab to a field below or above the visible part: it scrolls into view. */
    public void followFocus(Scene scene) {
        if (scene != null) {
            scene.focusOwnerProperty().addListener((o, a, n) -> {
                if (n != null && isInForm(n)) {
                    reveal(n);
                }
            });
        }
    }

    private boolean isInForm(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == getContent()) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls so that {@code n} shows (its top first, when it is taller than the viewport). */
    public void reveal(Node n) {
        Node form = getContent();
        if (form == null || n.getScene() == null || !n.isVisible()) {
            return;
        }
        double contentHeight = form.getLayoutBounds().getHeight();
        double viewHeight = getViewportBounds().getHeight();
        if (contentHeight <= viewHeight || viewHeight <= 0) {
            return;
        }
        Bounds b = form.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double range = contentHeight - viewHeight;
        double top = range * (getVvalue() - getVmin()) / (getVmax() - getVmin());
        if (b.getMaxY() > top + viewHeight) {
            top = b.getMaxY() - viewHeight;
        }
        if (b.getMinY() < top) {
            top = b.getMinY();
        }
        top = Math.max(0, Math.min(range, top));
        setVvalue(getVmin() + top / range * (getVmax() - getVmin()));
    }
}
