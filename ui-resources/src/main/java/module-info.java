/** Tandem's look: stylesheets, colour variables, style-class names, icons; and the web companion's page. */
module dev.tandem.ui {
    // Plural and select forms of the message catalogue.
    requires com.ibm.icu;

    exports dev.tandem.ui;
    // The message catalogue and the formats of dates and numbers; its files stay inside this module.
    exports dev.tandem.ui.messages;
    // Stylesheets and icons are read by URL from other modules (JavaFX, the app).
    opens dev.tandem.ui;
    opens dev.tandem.ui.icons;
    // The web page (dev/tandem/ui/web/) stays closed: it is read only through WebAssets, which serves listed files.
}
