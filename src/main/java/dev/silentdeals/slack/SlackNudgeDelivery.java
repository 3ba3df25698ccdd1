package dev.silentdeals.slack;

import dev.silentdeals.nudges.FollowUpKind;
import dev.silentdeals.nudges.Nudge;
import dev.silentdeals.nudges.NudgeDelivery;
import dev.silentdeals.nudges.Revisit;

/** Sends the bot's messages as DMs (chat.postMessage to the user's id opens the app's DM). */
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

    @Override
    public Delivered deliverFollowUp(FollowUpKind kind, Nudge nudge) {
        SlackGateway.Posted posted = gateway.post(nudge.teamId(), nudge.rep().userId(), messages.followUpNotification(kind, nudge),
                messages.followUp(kind, nudge));
        return new Delivered(posted.channel(), posted.ts());
    }

    @Override
    public Delivered deliverRevisit(Revisit revisit) {
        SlackGateway.Posted posted = gateway.post(revisit.teamId(), revisit.rep().userId(), messages.revisitNotification(revisit),
                messages.revisit(revisit));
        return new Delivered(posted.channel(), posted.ts());
    }
}
