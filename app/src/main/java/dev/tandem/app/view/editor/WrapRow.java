package dev.tandem.app.view.editor;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Two controls on one line, the first at the start and the second at the end, while both fit at their preferred
 * widths; when they do not (German "Erledigt" beside "Aufgabe | Notiz" in a 240 px editor), the second goes on a
 * line of its own below, at the start. Neither is ever shortened to "…".
 */
final class WrapRow extends Region {
    private final Node lead;
    private final Node trail;
    private final double hgap;
    private final double vgap;

    WrapRow(Node lead, Node trail, double hgap, double vgap) {
        this.lead = lead;
        this.trail = trail;
        this.hgap = hgap;
        this.vgap = vgap;
        getChildren().addAll(lead, trail);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private boolean oneLine(double width) {
        return width < 0 || lead.prefWidth(-1) + hgap + trail.prefWidth(-1) <= width - snappedLeftInset() - snappedRightInset() + 0.5;
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(lead.minWidth(-1), trail.minWidth(-1)) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return lead.prefWidth(-1) + hgap + trail.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double a = lead.prefHeight(-1);
        double b = trail.prefHeight(-1);
        return (oneLine(width) ? Math.max(a, b) : a + vgap + b) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double a = lead.prefHeight(-1);
        double b = trail.prefHeight(-1);
        double leadWidth = Math.min(lead.prefWidth(-1), w);
        double trailWidth = Math.min(trail.prefWidth(-1), w);
        if (oneLine(getWidth())) {
            double h = Math.max(a, b);
            layoutInArea(lead, x, y, leadWidth, h, 0, null, HPos.LEFT, VPos.CENTER);
            layoutInArea(trail, x + w - trailWidth, y, trailWidth, h, 0, null, HPos.LEFT, VPos.CENTER);
        } else {
            layoutInArea(lead, x, y, leadWidth, a, 0, null, HPos.LEFT, VPos.CENTER);
            layoutInArea(trail, x, y + a + vgap, trailWidth, b, 0, null, HPos.LEFT, VPos.CENTER);
        }
    }
}
