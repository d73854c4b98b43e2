/** Tandem's look: stylesheets, colour variables, style-class names, icons. */
module dev.tandem.ui {
    exports dev.tandem.ui;
    // Stylesheets and icons are read by URL from other modules (JavaFX, the app).
    opens dev.tandem.ui;
    opens dev.tandem.ui.icons;
}
