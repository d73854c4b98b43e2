/** Tandem's look: stylesheets, colour variables, style-class names, icons; and the web companion's page. */
module dev.tandem.ui {
    exports dev.tandem.ui;
    // Stylesheets and icons are read by URL from other modules (JavaFX, the app).
    opens dev.tandem.ui;
    opens dev.tandem.ui.icons;
    // The web page (dev/tandem/ui/web/) stays closed: it is read only through WebAssets, which serves listed files.
}
