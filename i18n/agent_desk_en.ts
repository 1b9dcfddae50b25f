<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Attention</name>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="379"/>
        <location filename="../agent_desk/ui/attention.py" line="402"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="385"/>
        <source>New message from {0}</source>
        <translation>New message from {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="387"/>
        <source>New conversation from {0}</source>
        <translation>New conversation from {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="389"/>
        <source>Waiting too long: {0}</source>
        <translation>Waiting too long: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="391"/>
        <source>Reply now: {0}</source>
        <translation>Reply now: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="392"/>
        <source>Reply due: {0}</source>
        <translation>Reply due: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="401"/>
        <source>Conversations needing attention: {0}</source>
        <translation>Conversations needing attention: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="439"/>
        <source>Agent Desk — unread: {0}</source>
        <translation>Agent Desk — unread: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="440"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="448"/>
        <source>({0}) {1}</source>
        <translation>({0}) {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="464"/>
        <source>Show Agent Desk</source>
        <translation>Show Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="470"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="174"/>
        <source>Command palette</source>
        <translation>Command palette</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="179"/>
        <source>Type a command, or a name, phone, email, subject or order number</source>
        <translation>Type a command, or a name, phone, email, subject or order number</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="181"/>
        <source>Command or search</source>
        <translation>Command or search</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="186"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="280"/>
        <source>{0}    {1}</source>
        <comment>command title, then its keys</comment>
        <translation>{0}    {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="289"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="291"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="292"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="298"/>
        <source>{0}: {1} · {2} (no conversation yet)</source>
        <translation>{0}: {1} · {2} (no conversation yet)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="300"/>
        <source>{0}: {1} (no conversation yet)</source>
        <translation>{0}: {1} (no conversation yet)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="302"/>
        <source>{0}: {1} · {2}</source>
        <translation>{0}: {1} · {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="304"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="293"/>
        <location filename="../agent_desk/ui/conversation.py" line="351"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Write a reply… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="296"/>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="297"/>
        <source>Only your colleagues see internal notes</source>
        <translation>Only your colleagues see internal notes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="300"/>
        <location filename="../agent_desk/ui/conversation.py" line="317"/>
        <location filename="../agent_desk/ui/conversation.py" line="346"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="346"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="349"/>
        <source>Internal note for colleagues… (Ctrl+Enter adds it)</source>
        <translation>Internal note for colleagues… (Ctrl+Enter adds it)</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="464"/>
        <source>Snoozed until {0}</source>
        <translation>Snoozed until {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="467"/>
        <source>Waiting {0} · {1}</source>
        <translation>Waiting {0} · {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="476"/>
        <source>Nothing owed to the customer</source>
        <translation>Nothing owed to the customer</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="509"/>
        <source>Pick a conversation from the queue</source>
        <translation>Pick a conversation from the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="513"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="516"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="519"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="523"/>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="529"/>
        <source>For 1 hour</source>
        <translation>For 1 hour</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="530"/>
        <source>For 4 hours</source>
        <translation>For 4 hours</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="531"/>
        <source>Until tomorrow 09:00</source>
        <translation>Until tomorrow 09:00</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="532"/>
        <source>For a week</source>
        <translation>For a week</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="635"/>
        <source>Retry sending</source>
        <translation>Retry sending</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="638"/>
        <source>Copy the whole message</source>
        <translation>Copy the whole message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="642"/>
        <source>Open link</source>
        <translation>Open link</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="141"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="142"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="143"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="144"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="202"/>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="213"/>
        <source>A note about this customer for every agent…</source>
        <translation>A note about this customer for every agent…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="215"/>
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="235"/>
        <source>Agent note</source>
        <translation>Agent note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="241"/>
        <source>Orders, latest first</source>
        <translation>Orders, latest first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="243"/>
        <source>Conversations on every channel</source>
        <translation>Conversations on every channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="303"/>
        <source>{0} · lifetime value {1}</source>
        <translation>{0} · lifetime value {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="315"/>
        <source>Tags: {0}</source>
        <translation>Tags: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="321"/>
        <source>Satisfaction: {0} (average {1} of 5)</source>
        <translation>Satisfaction: {0} (average {1} of 5)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="326"/>
        <source>No satisfaction ratings yet</source>
        <translation>No satisfaction ratings yet</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="339"/>
        <source>This note is longer than {0} characters: shown shortened, read-only.</source>
        <translation>This note is longer than {0} characters: shown shortened, read-only.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../agent_desk/app.py" line="272"/>
        <source>The new language applies the next time Agent Desk starts.</source>
        <translation>The new language applies the next time Agent Desk starts.</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="321"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="323"/>
        <source>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</source>
        <translation>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="28"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="29"/>
        <location filename="../agent_desk/ui/labels.py" line="107"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="30"/>
        <location filename="../agent_desk/ui/labels.py" line="106"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="31"/>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="32"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="39"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="40"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="41"/>
        <source>Snoozed</source>
        <translation>Snoozed</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="42"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="49"/>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="50"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="51"/>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="52"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="59"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="60"/>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="61"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="62"/>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="69"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="70"/>
        <source>Growing</source>
        <translation>Growing</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="71"/>
        <source>Mature</source>
        <translation>Mature</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="72"/>
        <source>Declining</source>
        <translation>Declining</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="73"/>
        <source>Churned</source>
        <translation>Churned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="80"/>
        <source>Awaiting payment</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="81"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="82"/>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="83"/>
        <location filename="../agent_desk/ui/labels.py" line="97"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="84"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="85"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="86"/>
        <source>Partially refunded</source>
        <translation>Partially refunded</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="93"/>
        <source>Not shipped</source>
        <translation>Not shipped</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="94"/>
        <source>Label created</source>
        <translation>Label created</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="95"/>
        <source>In transit</source>
        <translation>In transit</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="96"/>
        <source>Out for delivery</source>
        <translation>Out for delivery</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="98"/>
        <source>Delivery problem</source>
        <translation>Delivery problem</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="99"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="108"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="109"/>
        <source>App account</source>
        <translation>App account</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="116"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="117"/>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="118"/>
        <source>Away</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="119"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="126"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="127"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="128"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="129"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="136"/>
        <source>Nothing owed</source>
        <translation>Nothing owed</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="137"/>
        <source>On target</source>
        <translation>On target</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="138"/>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="139"/>
        <source>Breached</source>
        <translation>Breached</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../agent_desk/ui/links.py" line="61"/>
        <source>Open link?</source>
        <translation>Open link?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="63"/>
        <source>Write an email to {0}?</source>
        <translation>Write an email to {0}?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="65"/>
        <source>Open a page on {0} in your browser?</source>
        <translation>Open a page on {0} in your browser?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="71"/>
        <source>A customer wrote this link. The full address is:
{0}</source>
        <translation>A customer wrote this link. The full address is:
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="76"/>
        <source>Open</source>
        <translation>Open</translation>
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
        <location filename="../agent_desk/ui/main_window.py" line="487"/>
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
        <translation>Answers suggested from what the customer just wrote will appear here, searchable offline, ready to insert with the order&apos;s details filled in.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="149"/>
        <source>Refunds, reships, coupons and cancellations within your authority for this customer will appear here, with what is left of your limits.</source>
        <translation>Refunds, reships, coupons and cancellations within your authority for this customer will appear here, with what is left of your limits.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="191"/>
        <source>Your availability for new conversations</source>
        <translation>Your availability for new conversations</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="228"/>
        <location filename="../agent_desk/ui/main_window.py" line="401"/>
        <location filename="../agent_desk/ui/main_window.py" line="434"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="229"/>
        <location filename="../agent_desk/ui/main_window.py" line="402"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="236"/>
        <source>Claim the conversation</source>
        <translation>Claim the conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="245"/>
        <source>Resolve the conversation</source>
        <translation>Resolve the conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="254"/>
        <source>Snooze for 1 hour</source>
        <translation>Snooze for 1 hour</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="263"/>
        <source>Reopen the conversation</source>
        <translation>Reopen the conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="271"/>
        <source>Write a reply</source>
        <translation>Write a reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="280"/>
        <source>Switch between reply and internal note</source>
        <translation>Switch between reply and internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="289"/>
        <source>Retry every failed message</source>
        <translation>Retry every failed message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="297"/>
        <source>Take the next waiting conversation</source>
        <translation>Take the next waiting conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="305"/>
        <source>Next conversation in the list</source>
        <translation>Next conversation in the list</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="312"/>
        <source>Previous conversation in the list</source>
        <translation>Previous conversation in the list</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="319"/>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="327"/>
        <source>Clear the queue filters</source>
        <translation>Clear the queue filters</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="336"/>
        <source>Show {0}</source>
        <translation>Show {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="345"/>
        <source>Command palette</source>
        <translation>Command palette</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="351"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="354"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="362"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="370"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="377"/>
        <source>Quit Agent Desk</source>
        <translation>Quit Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="388"/>
        <source>Set me {0}</source>
        <translation>Set me {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="408"/>
        <source>Help</source>
        <translation>Help</translation>
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
        <translation>Send the reply or add the note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="462"/>
        <source>Load {0}/{1}</source>
        <translation>Load {0}/{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="463"/>
        <source>Open conversations assigned to you / your capacity</source>
        <translation>Open conversations assigned to you / your capacity</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="485"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="486"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="488"/>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="489"/>
        <source>Update required</source>
        <translation>Update required</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="504"/>
        <source>Technical detail: {0}</source>
        <translation>Technical detail: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="515"/>
        <source>the server cannot be reached</source>
        <translation>the server cannot be reached</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="516"/>
        <source>the server is having trouble</source>
        <translation>the server is having trouble</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="517"/>
        <source>the server sent an answer this version cannot read</source>
        <translation>the server sent an answer this version cannot read</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="518"/>
        <source>your session has ended</source>
        <translation>your session has ended</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="519"/>
        <source>this version does not match the server</source>
        <translation>this version does not match the server</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="520"/>
        <source>connecting…</source>
        <translation>connecting…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="521"/>
        <source>the connection failed</source>
        <translation>the connection failed</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="525"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} waiting to be sent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="743"/>
        <source>Another agent has already claimed this conversation.</source>
        <translation>Another agent has already claimed this conversation.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="744"/>
        <source>You are not allowed to do that here.</source>
        <translation>You are not allowed to do that here.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="745"/>
        <source>That conversation is no longer available to you.</source>
        <translation>That conversation is no longer available to you.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="746"/>
        <source>The message is too long to send.</source>
        <translation>The message is too long to send.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="747"/>
        <source>That cannot be done: {0}</source>
        <translation>That cannot be done: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="748"/>
        <source>That did not work: {0}</source>
        <translation>That did not work: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="818"/>
        <source>Agent note</source>
        <translation>Agent note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="839"/>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="509"/>
        <source>Last sync {0}</source>
        <translation>Last sync {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="530"/>
        <source>Nothing is waiting to be sent.</source>
        <translation>Nothing is waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="532"/>
        <source>replies</source>
        <translation>replies</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="533"/>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="534"/>
        <source>claims</source>
        <translation>claims</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="535"/>
        <source>status changes</source>
        <translation>status changes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="536"/>
        <source>snoozes</source>
        <translation>snoozes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="537"/>
        <source>read marks</source>
        <translation>read marks</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="538"/>
        <source>customer notes</source>
        <translation>customer notes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="539"/>
        <source>availability changes</source>
        <translation>availability changes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="542"/>
        <source>Waiting to be sent — {0}.</source>
        <translation>Waiting to be sent — {0}.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="551"/>
        <source>Your session has ended. Sign in again to send and receive. {0}</source>
        <translation>Your session has ended. Sign in again to send and receive. {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="554"/>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="560"/>
        <source>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</source>
        <translation>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="566"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="570"/>
        <source>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</source>
        <translation>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="578"/>
        <source>Try now</source>
        <translation>Try now</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="587"/>
        <source>conversations</source>
        <translation>conversations</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="588"/>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="589"/>
        <source>customers</source>
        <translation>customers</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="590"/>
        <source>orders</source>
        <translation>orders</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="595"/>
        <source>Loading your workspace: {0} records so far ({1}).</source>
        <translation>Loading your workspace: {0} records so far ({1}).</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="629"/>
        <source>The server refused {0} change(s). Latest: {1} — {2}</source>
        <translation>The server refused {0} change(s). Latest: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="632"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="654"/>
        <source>Nobody is waiting. Well done.</source>
        <translation>Nobody is waiting. Well done.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="679"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="682"/>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="684"/>
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="753"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="765"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="773"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="779"/>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="787"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="809"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="185"/>
        <source>… shortened: {0} more characters (right-click to copy the whole message)</source>
        <translation>… shortened: {0} more characters (right-click to copy the whole message)</translation>
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
        <location filename="../agent_desk/ui/customer_panel.py" line="90"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="91"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="92"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="93"/>
        <source>Shipment</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="118"/>
        <source>ETA {0}</source>
        <translation>ETA {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="126"/>
        <source>Placed {0}</source>
        <translation>Placed {0}</translation>
    </message>
</context>
<context>
    <name>QueueDelegate</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="138"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="80"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="82"/>
        <source>Last message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="83"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="84"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="85"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="135"/>
        <source>Unassigned: click Claim to take it</source>
        <translation>Unassigned: click Claim to take it</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="145"/>
        <source>Unknown customer</source>
        <translation>Unknown customer</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="189"/>
        <source>Search name, phone, email, order, text…</source>
        <translation>Search name, phone, email, order, text…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="206"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="209"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="216"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="226"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="231"/>
        <source>Most urgent first</source>
        <translation>Most urgent first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="232"/>
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="233"/>
        <source>Longest waiting first</source>
        <translation>Longest waiting first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="234"/>
        <source>Highest priority first</source>
        <translation>Highest priority first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="237"/>
        <source>Sort the queue</source>
        <translation>Sort the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="351"/>
        <source>Filters ({0})</source>
        <translation>Filters ({0})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="351"/>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="82"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="90"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="94"/>
        <source>Takes effect the next time Agent Desk starts.</source>
        <translation>Takes effect the next time Agent Desk starts.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="99"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="195"/>
        <source>Desktop notifications</source>
        <translation>Desktop notifications</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="101"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="196"/>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="103"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="197"/>
        <source>SLA reminders</source>
        <translation>SLA reminders</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="107"/>
        <source>Remind me when a waiting customer passes the reply target, again shortly before the breach, and when it is breached.</source>
        <translation>Remind me when a waiting customer passes the reply target, again shortly before the breach, and when it is breached.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="121"/>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="130"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="194"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="204"/>
        <source>“{0}” is now set by your administrator and cannot be changed here.</source>
        <translation>“{0}” is now set by your administrator and cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="207"/>
        <source>“{0}” has a value that cannot be saved.</source>
        <translation>“{0}” has a value that cannot be saved.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="210"/>
        <source>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</source>
        <translation>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="214"/>
        <source>The settings file {0} could not be written: {1}</source>
        <translation>The settings file {0} could not be written: {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="222"/>
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="228"/>
        <source>Your choices are still here; nothing was lost.</source>
        <translation>Your choices are still here; nothing was lost.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="47"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="59"/>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="59"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="83"/>
        <source>Close</source>
        <translation>Close</translation>
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
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="79"/>
        <source>This computer has no secure keyring, so you will sign in each time.</source>
        <translation>This computer has no secure keyring, so you will sign in each time.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="90"/>
        <location filename="../agent_desk/ui/sign_in.py" line="146"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="93"/>
        <source>Work offline</source>
        <translation>Work offline</translation>
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
        <translation>Enter the server, your username and your password.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="146"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="154"/>
        <location filename="../agent_desk/ui/sign_in.py" line="155"/>
        <source>The username or password is not right.</source>
        <translation>The username or password is not right.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="156"/>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Too many attempts. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="158"/>
        <source>Cannot reach the server. Check the address and your network connection.</source>
        <translation>Cannot reach the server. Check the address and your network connection.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="160"/>
        <source>The server address must start with http:// or https://.</source>
        <translation>The server address must start with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="161"/>
        <source>This computer&apos;s cache belongs to another account.</source>
        <translation>This computer&apos;s cache belongs to another account.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="162"/>
        <source>The server failed. Try again in a moment.</source>
        <translation>The server failed. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="164"/>
        <source>This version of Agent Desk does not match the server. Install the update.</source>
        <translation>This version of Agent Desk does not match the server. Install the update.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="167"/>
        <source>Signing in did not work.</source>
        <translation>Signing in did not work.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="169"/>
        <source>You can work offline from the cached data meanwhile.</source>
        <translation>You can work offline from the cached data meanwhile.</translation>
    </message>
</context>
</TS>
