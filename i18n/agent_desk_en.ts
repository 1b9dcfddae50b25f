<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Attention</name>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="379"/>
        <location filename="../agent_desk/ui/attention.py" line="402"/>
        <source>Customer</source>
        <translation type="unfinished">Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="385"/>
        <source>New message from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="387"/>
        <source>New conversation from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="389"/>
        <source>Waiting too long: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="391"/>
        <source>Reply now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="392"/>
        <source>Reply due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="401"/>
        <source>Conversations needing attention: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="439"/>
        <source>Agent Desk — unread: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="440"/>
        <source>Agent Desk</source>
        <translation type="unfinished">Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="448"/>
        <source>({0}) {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="464"/>
        <source>Show Agent Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="470"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="174"/>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="179"/>
        <source>Type a command, or a name, phone, email, subject or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="181"/>
        <source>Command or search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="186"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="280"/>
        <source>{0}    {1}</source>
        <comment>command title, then its keys</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="289"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="291"/>
        <source>Customer</source>
        <translation type="unfinished">Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="292"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="298"/>
        <source>{0}: {1} · {2} (no conversation yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="300"/>
        <source>{0}: {1} (no conversation yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="302"/>
        <source>{0}: {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="304"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="293"/>
        <location filename="../agent_desk/ui/conversation.py" line="350"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Write a reply… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="296"/>
        <source>Internal note (only colleagues see it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="299"/>
        <location filename="../agent_desk/ui/conversation.py" line="316"/>
        <location filename="../agent_desk/ui/conversation.py" line="345"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="345"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="348"/>
        <source>Internal note for colleagues… (Ctrl+Enter adds it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="463"/>
        <source>Snoozed until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="466"/>
        <source>Waiting {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="475"/>
        <source>Nothing owed to the customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="508"/>
        <source>Pick a conversation from the queue</source>
        <translation>Pick a conversation from the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="512"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="515"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="518"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="522"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="528"/>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="529"/>
        <source>For 4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="530"/>
        <source>Until tomorrow 09:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="531"/>
        <source>For a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="634"/>
        <source>Retry sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="637"/>
        <source>Copy the whole message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="641"/>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="143"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="144"/>
        <source>Channel</source>
        <translation type="unfinished">Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="145"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="146"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="204"/>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="215"/>
        <source>A note about this customer for every agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="217"/>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="237"/>
        <source>Agent note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="243"/>
        <source>Orders, latest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="245"/>
        <source>Conversations on every channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="305"/>
        <source>{0} · lifetime value {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="317"/>
        <source>Tags: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="323"/>
        <source>Satisfaction: {0} (average {1} of 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="328"/>
        <source>No satisfaction ratings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="341"/>
        <source>This note is longer than {0} characters: shown shortened, read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="100"/>
        <location filename="../agent_desk/ui/main_window.py" line="230"/>
        <location filename="../agent_desk/ui/main_window.py" line="400"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="131"/>
        <source>Customer 360</source>
        <translation>Customer 360</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="134"/>
        <location filename="../agent_desk/ui/main_window.py" line="143"/>
        <source>Knowledge</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="147"/>
        <location filename="../agent_desk/ui/main_window.py" line="156"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="489"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="413"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="136"/>
        <source>Answers suggested from what the customer just wrote will appear here, searchable offline, ready to insert with the order&apos;s details filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="149"/>
        <source>Refunds, reships, coupons and cancellations within your authority for this customer will appear here, with what is left of your limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="191"/>
        <source>Your availability for new conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="228"/>
        <location filename="../agent_desk/ui/main_window.py" line="401"/>
        <location filename="../agent_desk/ui/main_window.py" line="434"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="229"/>
        <location filename="../agent_desk/ui/main_window.py" line="402"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="236"/>
        <source>Claim the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="245"/>
        <source>Resolve the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="254"/>
        <source>Snooze for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="263"/>
        <source>Reopen the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="271"/>
        <source>Write a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="280"/>
        <source>Switch between reply and internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="289"/>
        <source>Retry every failed message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="297"/>
        <source>Take the next waiting conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="305"/>
        <source>Next conversation in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="312"/>
        <source>Previous conversation in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="319"/>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="327"/>
        <source>Clear the queue filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="336"/>
        <source>Show {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="345"/>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="351"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="354"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="362"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="370"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="377"/>
        <source>Quit Agent Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="388"/>
        <source>Set me {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="408"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="414"/>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="415"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="416"/>
        <source>Shared with me</source>
        <translation>Shared with me</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="417"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="434"/>
        <source>Send the reply or add the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="462"/>
        <source>Load {0}/{1}</source>
        <translation>Load {0}/{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="463"/>
        <source>Open conversations assigned to you / your capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="487"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="488"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="490"/>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="491"/>
        <source>Update required</source>
        <translation>Update required</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="506"/>
        <source>Technical detail: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="517"/>
        <source>the server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="518"/>
        <source>the server is having trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="519"/>
        <source>the server sent an answer this version cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="520"/>
        <source>your session has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="521"/>
        <source>this version does not match the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="522"/>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="523"/>
        <source>the connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="527"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} waiting to be sent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="745"/>
        <source>Another agent has already claimed this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="746"/>
        <source>You are not allowed to do that here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="747"/>
        <source>That conversation is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="748"/>
        <source>The message is too long to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="749"/>
        <source>That cannot be done: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="750"/>
        <source>That did not work: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="820"/>
        <source>Agent note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="841"/>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="511"/>
        <source>Last sync {0}</source>
        <translation>Last sync {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="532"/>
        <source>Nothing is waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="534"/>
        <source>replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="535"/>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="536"/>
        <source>claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="537"/>
        <source>status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="538"/>
        <source>snoozes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="539"/>
        <source>read marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="540"/>
        <source>customer notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="541"/>
        <source>availability changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="544"/>
        <source>Waiting to be sent — {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="553"/>
        <source>Your session has ended. Sign in again to send and receive. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="556"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="562"/>
        <source>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="568"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="572"/>
        <source>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="580"/>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="589"/>
        <source>conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="590"/>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="591"/>
        <source>customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="592"/>
        <source>orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="597"/>
        <source>Loading your workspace: {0} records so far ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="631"/>
        <source>The server refused {0} change(s). Latest: {1} — {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="634"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="656"/>
        <source>Nobody is waiting. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="681"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="684"/>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="686"/>
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="755"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="767"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="775"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="781"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="789"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="811"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="185"/>
        <source>… shortened: {0} more characters (right-click to copy the whole message)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="131"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="133"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="135"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="136"/>
        <source>internal note</source>
        <translation>internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="139"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="140"/>
        <source>failed — {0}</source>
        <translation>failed — {0}</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="76"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="77"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="78"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="79"/>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="104"/>
        <source>ETA {0}</source>
        <translation type="unfinished">ETA {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="112"/>
        <source>Placed {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="79"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="81"/>
        <source>Last message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="82"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="83"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="84"/>
        <source>Agent</source>
        <translation type="unfinished">Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="131"/>
        <source>Unassigned</source>
        <translation type="unfinished">Unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="140"/>
        <source>Unknown customer</source>
        <translation>Unknown customer</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="133"/>
        <source>Search name, phone, email, order, text…</source>
        <translation type="unfinished">Search name, phone, email, order, text…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="150"/>
        <source>Channel</source>
        <translation type="unfinished">Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="153"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="160"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="170"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="175"/>
        <source>Most urgent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="176"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="177"/>
        <source>Longest waiting first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="178"/>
        <source>Highest priority first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="181"/>
        <source>Sort the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="293"/>
        <source>Filters ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="293"/>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="82"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="90"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="94"/>
        <source>Takes effect the next time Agent Desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="99"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="195"/>
        <source>Desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="101"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="196"/>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="103"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="197"/>
        <source>SLA reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="107"/>
        <source>Remind me when a waiting customer passes the reply target, again shortly before the breach, and when it is breached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="121"/>
        <source>Set by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="130"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="194"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="204"/>
        <source>“{0}” is now set by your administrator and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="207"/>
        <source>“{0}” has a value that cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="210"/>
        <source>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="214"/>
        <source>The settings file {0} could not be written: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="222"/>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="228"/>
        <source>Your choices are still here; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="47"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="59"/>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="59"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="83"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="69"/>
        <source>Sign in to Agent Desk</source>
        <translation>Sign in to Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="74"/>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="79"/>
        <source>This computer has no secure keyring, so you will sign in each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="90"/>
        <location filename="../agent_desk/ui/sign_in.py" line="146"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="93"/>
        <source>Work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="101"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="102"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="103"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="123"/>
        <source>Enter the server, your username and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="146"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="154"/>
        <location filename="../agent_desk/ui/sign_in.py" line="155"/>
        <source>The username or password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="156"/>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="158"/>
        <source>Cannot reach the server. Check the address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="160"/>
        <source>The server address must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="161"/>
        <source>This computer&apos;s cache belongs to another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="162"/>
        <source>The server failed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="164"/>
        <source>This version of Agent Desk does not match the server. Install the update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="167"/>
        <source>Signing in did not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="169"/>
        <source>You can work offline from the cached data meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>session.window</name>
    <message>
        <location filename="../agent_desk/app.py" line="310"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="313"/>
        <source>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../agent_desk/app.py" line="264"/>
        <source>The new language applies the next time Agent Desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
