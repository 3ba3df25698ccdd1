package dev.silentdeals.slack;

import com.slack.api.bolt.App;

/** A group of Bolt listeners; each registers its handlers on the app. Listeners stay thin. */
interface SlackListener {

    void register(App app);
}
