<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="101"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Write a reply… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="103"/>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="105"/>
        <location filename="../agent_desk/ui/conversation.py" line="121"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="121"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="140"/>
        <source>Pick a conversation from the queue</source>
        <translation>Pick a conversation from the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="143"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="145"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="46"/>
        <location filename="../agent_desk/ui/main_window.py" line="56"/>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="60"/>
        <source>Stage: {0} · Tier: {1} · Lifetime value: {2} {3}</source>
        <translation>Stage: {0} · Tier: {1} · Lifetime value: {2} {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="66"/>
        <source>Identities:</source>
        <translation>Identities:</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="71"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="72"/>
        <source>Agent note:</source>
        <translation>Agent note:</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="74"/>
        <source>Orders (latest first):</source>
        <translation>Orders (latest first):</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="84"/>
        <source>ETA {0}</source>
        <translation>ETA {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="89"/>
        <source>Conversations:</source>
        <translation>Conversations:</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="94"/>
        <source>Satisfaction: {0}</source>
        <translation>Satisfaction: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="106"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="116"/>
        <source>Search name, phone, email, order, text…</source>
        <translation>Search name, phone, email, order, text…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="142"/>
        <source>Customer 360</source>
        <translation>Customer 360</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="145"/>
        <source>Knowledge</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="147"/>
        <source>Suggested answers for the open conversation appear here, searchable offline, ready to insert.</source>
        <translation>Suggested answers for the open conversation appear here, searchable offline, ready to insert.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="152"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="154"/>
        <source>Refunds, reships, coupons and cancellations within your authority for this customer appear here.</source>
        <translation>Refunds, reships, coupons and cancellations within your authority for this customer appear here.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="198"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="199"/>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="200"/>
        <source>Away</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="201"/>
        <location filename="../agent_desk/ui/main_window.py" line="237"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="210"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="211"/>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="212"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="213"/>
        <source>Shared with me</source>
        <translation>Shared with me</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="214"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="223"/>
        <source>Load {0}/{1}</source>
        <translation>Load {0}/{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="235"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="236"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="238"/>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="239"/>
        <source>Update required</source>
        <translation>Update required</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="248"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} waiting to be sent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="251"/>
        <source>Last sync {0}</source>
        <translation>Last sync {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="286"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="287"/>
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="288"/>
        <source>{0} · {1} · {2} · {3}</source>
        <translation>{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="305"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="310"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="326"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="330"/>
        <source>Presence</source>
        <translation>Presence</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="61"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="63"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="65"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="67"/>
        <source>internal note</source>
        <translation>internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="68"/>
        <source>reply</source>
        <translation>reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="72"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="73"/>
        <source>failed — {0}</source>
        <translation>failed — {0}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="89"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="90"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="91"/>
        <source>Last message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="92"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="93"/>
        <source>Unread</source>
        <translation>Unread</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="94"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="131"/>
        <source>Unknown customer</source>
        <translation>Unknown customer</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../agent_desk/app.py" line="51"/>
        <source>Sign in to Agent Desk</source>
        <translation>Sign in to Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="62"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="63"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="64"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
</TS>
