package dev.silentdeals.slack;

import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.NudgeDelivery;

/** Sends the nudge as a DM from the bot (chat.postMessage to the user's id opens the app's DM). */
class SlackNudgeDelivery implements NudgeDelivery {

    private final SlackGateway gateway;
    private final NudgeMessages messages;

    SlackNudgeDelivery(SlackGateway gateway, NudgeMessages messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @Override
    public Delivered deliver(Nudge nudge) {
        SlackGateway.Posted posted = gateway.post(nudge.teamId(), nudge.rep().userId(), messages.notification(nudge),
                messages.nudge(nudge));
        return new Delivered(posted.channel(), posted.ts());
    }
}
