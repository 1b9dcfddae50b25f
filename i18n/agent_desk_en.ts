<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../agent_desk/ui/accessibility.py" line="23"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/accessibility.py" line="25"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="63"/>
        <source>will run when back online</source>
        <translation>will run when back online</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="65"/>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="66"/>
        <source>waiting for a supervisor</source>
        <translation>waiting for a supervisor</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="67"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="68"/>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="69"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="70"/>
        <source>refused by the server</source>
        <translation>refused by the server</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="93"/>
        <source>{1} of this kind on this order in {2} days; your limit is {0} per order</source>
        <translation>{1} of this kind on this order in {2} days; your limit is {0} per order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="97"/>
        <source>{1} of this kind for this customer in {2} days; your limit is {0} per customer</source>
        <translation>{1} of this kind for this customer in {2} days; your limit is {0} per customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="101"/>
        <source>{1} given to this customer in {2} days; your limit is {0} per customer</source>
        <translation>{1} given to this customer in {2} days; your limit is {0} per customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="105"/>
        <source>{1} of today&apos;s {0} used: more than is left of today&apos;s total</source>
        <translation>{1} of today&apos;s {0} used: more than is left of today&apos;s total</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="108"/>
        <source>done {1} times on this order; you may do it {0} times per order</source>
        <translation>done {1} times on this order; you may do it {0} times per order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="111"/>
        <source>more than the {0} days you may give</source>
        <translation>more than the {0} days you may give</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="121"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="143"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="872"/>
        <source>beyond your authority</source>
        <translation>beyond your authority</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="142"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="672"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="870"/>
        <source>; </source>
        <comment>between listed limits</comment>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="268"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="286"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="290"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="292"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="295"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="297"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="303"/>
        <source>Send instead</source>
        <translation>Send instead</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="306"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="310"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="312"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="314"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="316"/>
        <source>Note for the record</source>
        <translation>Note for the record</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="317"/>
        <source>Note for the record (optional)</source>
        <translation>Note for the record (optional)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="352"/>
        <source>Choose what to do for this customer.</source>
        <translation>Choose what to do for this customer.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="360"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="364"/>
        <source>This customer&apos;s actions and compensation</source>
        <translation>This customer&apos;s actions and compensation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="365"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="368"/>
        <source>Approval requests</source>
        <translation>Approval requests</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="372"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="373"/>
        <source>Reason for your decision</source>
        <translation>Reason for your decision</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="375"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="376"/>
        <source>Deny</source>
        <translation>Deny</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="438"/>
        <source>Open a conversation to act for its customer.</source>
        <translation>Open a conversation to act for its customer.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="464"/>
        <source>What you can do for {0} ({1} customer)</source>
        <translation>What you can do for {0} ({1} customer)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="492"/>
        <source>Approved: {0} {1} ran, and the customer was told.</source>
        <translation>Approved: {0} {1} ran, and the customer was told.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="494"/>
        <source>Denied: {0} {1}. The customer was told it was not approved.</source>
        <translation>Denied: {0} {1}. The customer was told it was not approved.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="575"/>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="577"/>
        <source>{0}: suggested for this case</source>
        <translation>{0}: suggested for this case</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="580"/>
        <source>Suggested for this case</source>
        <translation>Suggested for this case</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="619"/>
        <source>The authority policy has not synced yet.</source>
        <translation>The authority policy has not synced yet.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="623"/>
        <source>Your role does not run actions.</source>
        <translation>Your role does not run actions.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="653"/>
        <source>Up to {0} per {1} for this {2} customer</source>
        <translation>Up to {0} per {1} for this {2} customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="654"/>
        <source>{0} of {1} left on this order ({2} days)</source>
        <translation>{0} of {1} left on this order ({2} days)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="655"/>
        <source>{0} of {1} left for this customer ({2} days)</source>
        <translation>{0} of {1} left for this customer ({2} days)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="656"/>
        <source>{0} of {1} compensation left for this customer ({2} days)</source>
        <translation>{0} of {1} compensation left for this customer ({2} days)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="658"/>
        <source>{0} of {1} times left on this order</source>
        <translation>{0} of {1} times left on this order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="720"/>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="771"/>
        <source>{0} (as ordered)</source>
        <translation>{0} (as ordered)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="776"/>
        <source>Send instead of {0}</source>
        <translation>Send instead of {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="847"/>
        <source>Confirm: {0}</source>
        <translation>Confirm: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="850"/>
        <source>Choose the reason to confirm.</source>
        <translation>Choose the reason to confirm.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="863"/>
        <source>not possible for this order</source>
        <translation>not possible for this order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="923"/>
        <source>Sent for approval: tell the customer they will hear from you.</source>
        <translation>Sent for approval: tell the customer they will hear from you.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="933"/>
        <source>Resolution action</source>
        <translation>Resolution action</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="963"/>
        <source>Approval sent: it runs when the server has it.</source>
        <translation>Approval sent: it runs when the server has it.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="965"/>
        <source>Denial sent.</source>
        <translation>Denial sent.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="969"/>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="642"/>
        <source>{0} needs a supervisor&apos;s approval for this {1} customer</source>
        <translation>{0} needs a supervisor&apos;s approval for this {1} customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="648"/>
        <source>{0} without an amount limit for this {1} customer</source>
        <translation>{0} without an amount limit for this {1} customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="657"/>
        <source>{0} of today&apos;s {1} left</source>
        <translation>{0} of today&apos;s {1} left</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="90"/>
        <source>above your limit of {0} per action</source>
        <translation>above your limit of {0} per action</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="114"/>
        <source>not within your authority for this customer</source>
        <translation>not within your authority for this customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="117"/>
        <source>the amount is in another currency than the limits</source>
        <translation>the amount is in another currency than the limits</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="860"/>
        <source>more than is left to refund on this order</source>
        <translation>more than is left to refund on this order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="859"/>
        <source>your role does not run actions</source>
        <translation>your role does not run actions</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="326"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="329"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="866"/>
        <source>your limits have not synced yet</source>
        <translation>your limits have not synced yet</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="877"/>
        <source>Not possible here: {0}</source>
        <translation>Not possible here: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="880"/>
        <source>Beyond your authority ({0}): a supervisor will be asked to approve.</source>
        <translation>Beyond your authority ({0}): a supervisor will be asked to approve.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="883"/>
        <source>Within your authority: it runs as soon as you confirm.</source>
        <translation>Within your authority: it runs as soon as you confirm.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="886"/>
        <source>Effect: {0} {1} on order {2}</source>
        <translation>Effect: {0} {1} on order {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="888"/>
        <source>Effect: {0} {1}</source>
        <translation>Effect: {0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="901"/>
        <source>Left of today&apos;s total after this: {0}</source>
        <translation>Left of today&apos;s total after this: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="905"/>
        <source>The customer will get:</source>
        <translation>The customer will get:</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="839"/>
        <source>Ask for approval</source>
        <translation>Ask for approval</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="842"/>
        <source>Confirm: {0} {1}</source>
        <translation>Confirm: {0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="925"/>
        <source>Done: it runs now (or as soon as you are back online).</source>
        <translation>Done: it runs now (or as soon as you are back online).</translation>
    </message>
</context>
<context>
    <name>Attention</name>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="383"/>
        <location filename="../agent_desk/ui/attention.py" line="406"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="389"/>
        <source>New message from {0}</source>
        <translation>New message from {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="391"/>
        <source>New conversation from {0}</source>
        <translation>New conversation from {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="393"/>
        <source>Waiting too long: {0}</source>
        <translation>Waiting too long: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="395"/>
        <source>Reply now: {0}</source>
        <translation>Reply now: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="396"/>
        <source>Reply due: {0}</source>
        <translation>Reply due: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="405"/>
        <source>Conversations needing attention: {0}</source>
        <translation>Conversations needing attention: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="443"/>
        <source>Agent Desk — unread: {0}</source>
        <translation>Agent Desk — unread: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="444"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="452"/>
        <source>({0}) {1}</source>
        <translation>({0}) {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="468"/>
        <source>Show Agent Desk</source>
        <translation>Show Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="474"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>CaseBar</name>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="60"/>
        <source>This case: {0}</source>
        <translation>This case: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="66"/>
        <source>Insert answer: {0}</source>
        <translation>Insert answer: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="67"/>
        <location filename="../agent_desk/ui/case_bar.py" line="68"/>
        <source>Insert the suggested answer: {0}</source>
        <translation>Insert the suggested answer: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="75"/>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="77"/>
        <source>Suggested action: {0}</source>
        <translation>Suggested action: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="78"/>
        <source>Open {0} for this case in the Actions tab</source>
        <translation>Open {0} for this case in the Actions tab</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../agent_desk/ui/case.py" line="132"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="135"/>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="137"/>
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="201"/>
        <source>Mark as read</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="246"/>
        <source>Nobody is waiting. Well done.</source>
        <translation>Nobody is waiting. Well done.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="259"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="268"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="271"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="281"/>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="287"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="307"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="320"/>
        <source>Agent note</source>
        <translation>Agent note</translation>
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
        <location filename="../agent_desk/ui/palette.py" line="180"/>
        <source>Type a command, or a name, phone, email, subject or order number</source>
        <translation>Type a command, or a name, phone, email, subject or order number</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="178"/>
        <location filename="../agent_desk/ui/palette.py" line="182"/>
        <source>Command or search</source>
        <translation>Command or search</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="186"/>
        <location filename="../agent_desk/ui/palette.py" line="188"/>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="282"/>
        <source>{0}    {1}</source>
        <comment>command title, then its keys</comment>
        <translation>{0}    {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="291"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="293"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="294"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="300"/>
        <source>{0}: {1} · {2} (no conversation yet)</source>
        <translation>{0}: {1} · {2} (no conversation yet)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="302"/>
        <source>{0}: {1} (no conversation yet)</source>
        <translation>{0}: {1} (no conversation yet)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="304"/>
        <source>{0}: {1} · {2}</source>
        <translation>{0}: {1} · {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="306"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="542"/>
        <source>Reply or internal note</source>
        <translation>Reply or internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="544"/>
        <location filename="../agent_desk/ui/conversation.py" line="785"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Write a reply… (Ctrl+Enter sends)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="547"/>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="548"/>
        <source>Only your colleagues see internal notes</source>
        <translation>Only your colleagues see internal notes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="551"/>
        <location filename="../agent_desk/ui/conversation.py" line="597"/>
        <location filename="../agent_desk/ui/conversation.py" line="780"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="561"/>
        <source>Check the reply</source>
        <translation>Check the reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="568"/>
        <source>Where the reply goes</source>
        <translation>Where the reply goes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="609"/>
        <source>Replying to {0} by email</source>
        <translation>Replying to {0} by email</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="611"/>
        <source>Replying by email</source>
        <translation>Replying by email</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="704"/>
        <source>{0} is already past</source>
        <translation>{0} is already past</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="706"/>
        <source>{0} is not an amount of this order</source>
        <translation>{0} is not an amount of this order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="712"/>
        <source>Not sent yet: {0}. Send again to send it as it is.</source>
        <translation>Not sent yet: {0}. Send again to send it as it is.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="715"/>
        <source>Check before sending: {0}</source>
        <translation>Check before sending: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="759"/>
        <source>Fill in before sending: {0}</source>
        <translation>Fill in before sending: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="780"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="783"/>
        <source>Internal note for colleagues… (Ctrl+Enter adds it)</source>
        <translation>Internal note for colleagues… (Ctrl+Enter adds it)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="795"/>
        <source>Not sent: fill in {0} first</source>
        <translation>Not sent: fill in {0} first</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="86"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="87"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="88"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="89"/>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="90"/>
        <source>Update required</source>
        <translation>Update required</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="98"/>
        <source>Technical detail: {0}</source>
        <translation>Technical detail: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="105"/>
        <source>Last sync {0}</source>
        <translation>Last sync {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="111"/>
        <source>the server cannot be reached</source>
        <translation>the server cannot be reached</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="112"/>
        <source>the server is having trouble</source>
        <translation>the server is having trouble</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="113"/>
        <source>the server sent an answer this version cannot read</source>
        <translation>the server sent an answer this version cannot read</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="114"/>
        <source>your session has ended</source>
        <translation>your session has ended</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="115"/>
        <source>this version does not match the server</source>
        <translation>this version does not match the server</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="116"/>
        <source>connecting…</source>
        <translation>connecting…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="117"/>
        <source>the connection failed</source>
        <translation>the connection failed</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="121"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} waiting to be sent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="126"/>
        <source>Nothing is waiting to be sent.</source>
        <translation>Nothing is waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="128"/>
        <source>Waiting to be sent — {0}.</source>
        <translation>Waiting to be sent — {0}.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="139"/>
        <source>Your session has ended. Sign in again to send and receive. {0}</source>
        <translation>Your session has ended. Sign in again to send and receive. {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="142"/>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="148"/>
        <source>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</source>
        <translation>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="154"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="158"/>
        <source>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</source>
        <translation>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="166"/>
        <source>Try now</source>
        <translation>Try now</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="175"/>
        <source>conversations</source>
        <translation>conversations</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="176"/>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="177"/>
        <source>customers</source>
        <translation>customers</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="178"/>
        <source>orders</source>
        <translation>orders</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="183"/>
        <source>Loading your workspace: {0} records so far ({1}).</source>
        <translation>Loading your workspace: {0} records so far ({1}).</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="210"/>
        <source>The server refused {0} change(s). Latest: {1} — {2}</source>
        <translation>The server refused {0} change(s). Latest: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="215"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="871"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="876"/>
        <source>Customer&apos;s email address</source>
        <translation>Customer&apos;s email address</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="933"/>
        <source>Subject: {0}</source>
        <translation>Subject: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="933"/>
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="938"/>
        <source>From: {0}</source>
        <translation>From: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="940"/>
        <source>From: (no email address on file)</source>
        <translation>From: (no email address on file)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="958"/>
        <source>Snoozed until {0}</source>
        <translation>Snoozed until {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="961"/>
        <source>Waiting {0} · {1}</source>
        <translation>Waiting {0} · {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="970"/>
        <source>Nothing owed to the customer</source>
        <translation>Nothing owed to the customer</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1008"/>
        <source>Pick a conversation from the queue</source>
        <translation>Pick a conversation from the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1012"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1015"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1018"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1022"/>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1028"/>
        <source>For 1 hour</source>
        <translation>For 1 hour</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1029"/>
        <source>For 4 hours</source>
        <translation>For 4 hours</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1030"/>
        <source>Until tomorrow 09:00</source>
        <translation>Until tomorrow 09:00</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1031"/>
        <source>For a week</source>
        <translation>For a week</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1047"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1140"/>
        <source>Retry sending</source>
        <translation>Retry sending</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1143"/>
        <source>Copy the whole message</source>
        <translation>Copy the whole message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1147"/>
        <source>Open link</source>
        <translation>Open link</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1152"/>
        <source>Show original…</source>
        <translation>Show original…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1158"/>
        <source>Save attachment</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1163"/>
        <source>Open attachment</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1175"/>
        <source>This attachment&apos;s address cannot be opened</source>
        <translation>This attachment&apos;s address cannot be opened</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1199"/>
        <source>Save attachment…</source>
        <translation>Save attachment…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1202"/>
        <source>Open attachment…</source>
        <translation>Open attachment…</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="184"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="185"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="186"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="187"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="248"/>
        <source>No customer selected</source>
        <translation>No customer selected</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="262"/>
        <source>A note about this customer for every agent…</source>
        <translation>A note about this customer for every agent…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="264"/>
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="261"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="294"/>
        <source>Agent note</source>
        <translation>Agent note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="273"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="300"/>
        <source>Orders, latest first</source>
        <translation>Orders, latest first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="280"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="302"/>
        <source>Conversations on every channel</source>
        <translation>Conversations on every channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="418"/>
        <source>{0} · lifetime value {1}</source>
        <translation>{0} · lifetime value {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="430"/>
        <source>Tags: {0}</source>
        <translation>Tags: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="436"/>
        <source>Satisfaction: {0} (average {1} of 5)</source>
        <translation>Satisfaction: {0} (average {1} of 5)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="441"/>
        <source>No satisfaction ratings yet</source>
        <translation>No satisfaction ratings yet</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="484"/>
        <source>Refund on order {0}</source>
        <translation>Refund on order {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="490"/>
        <source>in full</source>
        <translation>in full</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="490"/>
        <source>partial</source>
        <translation>partial</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="525"/>
        <source>This note is longer than {0} characters: shown shortened, read-only.</source>
        <translation>This note is longer than {0} characters: shown shortened, read-only.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="474"/>
        <source>No refunds or compensation before</source>
        <translation>No refunds or compensation before</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="506"/>
        <source>approved by {0}</source>
        <translation>approved by {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="513"/>
        <source>Before: {0}</source>
        <translation>Before: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="529"/>
        <source>Only the agent assigned to one of this customer&apos;s conversations, or a supervisor, changes this note.</source>
        <translation>Only the agent assigned to one of this customer&apos;s conversations, or a supervisor, changes this note.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="549"/>
        <source>A note can hold {0} characters; this one has {1}. Shorten it to save.</source>
        <translation>A note can hold {0} characters; this one has {1}. Shorten it to save.</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="105"/>
        <source>no channel connection serves this channel (ask an admin)</source>
        <translation>no channel connection serves this channel (ask an admin)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="108"/>
        <source>the channel connection has no address for replies (ask an admin)</source>
        <translation>the channel connection has no address for replies (ask an admin)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="111"/>
        <source>the channel refused it ({0})</source>
        <translation>the channel refused it ({0})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="112"/>
        <source>the channel could not be reached ({0})</source>
        <translation>the channel could not be reached ({0})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="113"/>
        <source>the channel could not deliver it ({0})</source>
        <translation>the channel could not deliver it ({0})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="116"/>
        <source>it could not be sent ({0})</source>
        <translation>it could not be sent ({0})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="120"/>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../agent_desk/app.py" line="368"/>
        <source>The new language applies the next time Agent Desk starts.</source>
        <translation>The new language applies the next time Agent Desk starts.</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="420"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="422"/>
        <source>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</source>
        <translation>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="437"/>
        <source>You are signed out on this computer. The server could not be told, so that session ends at the server when it expires.</source>
        <translation>You are signed out on this computer. The server could not be told, so that session ends at the server when it expires.</translation>
    </message>
</context>
<context>
    <name>KnowledgeController</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="246"/>
        <source>The answer you edited was left as you wrote it: check that it fits order {0}.</source>
        <translation>The answer you edited was left as you wrote it: check that it fits order {0}.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="270"/>
        <source>That is guidance for agents: it is never put into a reply to a customer.</source>
        <translation>That is guidance for agents: it is never put into a reply to a customer.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="307"/>
        <source>Answer feedback</source>
        <translation>Answer feedback</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="311"/>
        <source>Thank you: your rating helps everyone.</source>
        <translation>Thank you: your rating helps everyone.</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="62"/>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="63"/>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="64"/>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="66"/>
        <source>matches {0} ({1})</source>
        <translation>matches {0} ({1})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="70"/>
        <source>read “{0}” as “{1}”</source>
        <translation>read “{0}” as “{1}”</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="74"/>
        <source>about {0} ({1}% sure)</source>
        <translation>about {0} ({1}% sure)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="83"/>
        <source>order {0} is {1}, customer says “{2}”</source>
        <translation>order {0} is {1}, customer says “{2}”</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="86"/>
        <source>order {0} is {1}</source>
        <translation>order {0} is {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="90"/>
        <source>in the customer&apos;s language</source>
        <translation>in the customer&apos;s language</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="92"/>
        <source>helpful {0} times</source>
        <translation>helpful {0} times</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="100"/>
        <source>For agents</source>
        <translation>For agents</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="152"/>
        <source>Guidance for agents, never sent to the customer</source>
        <translation>Guidance for agents, never sent to the customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="297"/>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="425"/>
        <source>Suggested for what the customer just said</source>
        <translation>Suggested for what the customer just said</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="303"/>
        <source>Search answers</source>
        <translation>Search answers</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="304"/>
        <source>Search answers (works offline)…</source>
        <translation>Search answers (works offline)…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="312"/>
        <source>Suggested answers</source>
        <translation>Suggested answers</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="327"/>
        <source>Answer preview</source>
        <translation>Answer preview</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="330"/>
        <source>Pick an answer to read it in full.</source>
        <translation>Pick an answer to read it in full.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="332"/>
        <source>Guidance for agents: read it, it is never put into a reply.</source>
        <translation>Guidance for agents: read it, it is never put into a reply.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="335"/>
        <source>Guidance for agents</source>
        <translation>Guidance for agents</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="338"/>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="339"/>
        <source>Insert into reply</source>
        <translation>Insert into reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="393"/>
        <source>Guidance for agents: it is never put into a reply</source>
        <translation>Guidance for agents: it is never put into a reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="395"/>
        <source>Puts the answer into the reply with this customer&apos;s details</source>
        <translation>Puts the answer into the reply with this customer&apos;s details</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="342"/>
        <source>Helpful</source>
        <translation>Helpful</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="343"/>
        <source>Not helpful</source>
        <translation>Not helpful</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="408"/>
        <source>No answer matches yet. Search above, or wait for the customer.</source>
        <translation>No answer matches yet. Search above, or wait for the customer.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="436"/>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="441"/>
        <source>… (the preview is shortened)</source>
        <translation>… (the preview is shortened)</translation>
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
    <message>
        <location filename="../agent_desk/ui/labels.py" line="158"/>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="159"/>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="160"/>
        <source>Delivery retry</source>
        <translation>Delivery retry</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="161"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="162"/>
        <source>Assignment</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="163"/>
        <source>Status change</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="164"/>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="165"/>
        <source>Priority change</source>
        <translation>Priority change</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="166"/>
        <source>Read mark</source>
        <translation>Read mark</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="167"/>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="168"/>
        <source>Invitation withdrawn</source>
        <translation>Invitation withdrawn</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="169"/>
        <source>Customer note</source>
        <translation>Customer note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="170"/>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="171"/>
        <source>Answer feedback</source>
        <translation>Answer feedback</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../agent_desk/ui/links.py" line="85"/>
        <source>Open link?</source>
        <translation>Open link?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="87"/>
        <source>Write an email to {0}?</source>
        <translation>Write an email to {0}?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="91"/>
        <source>Open a page on {0} in your browser?</source>
        <translation>Open a page on {0} in your browser?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="95"/>
        <source>This attachment is stored elsewhere. The full address is:
{0}</source>
        <translation>This attachment is stored elsewhere. The full address is:
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="99"/>
        <source>A customer wrote this link. The full address is:
{0}</source>
        <translation>A customer wrote this link. The full address is:
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="104"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="45"/>
        <source>{0} bytes</source>
        <translation>{0} bytes</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="55"/>
        <source>Save this file from the customer?</source>
        <translation>Save this file from the customer?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="57"/>
        <source>Name: {0}</source>
        <translation>Name: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="58"/>
        <source>Type: {0} (what the server found in the file)</source>
        <translation>Type: {0} (what the server found in the file)</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="61"/>
        <source>Size: {0}</source>
        <translation>Size: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="63"/>
        <source>Agent Desk never opens files. Open it yourself only if you expected this file from this customer.</source>
        <translation>Agent Desk never opens files. Open it yourself only if you expected this file from this customer.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="72"/>
        <source>Warning: a file of this kind can run programs or scripts on your computer when it is opened. Do not open it unless your team lead says it is safe.</source>
        <translation>Warning: a file of this kind can run programs or scripts on your computer when it is opened. Do not open it unless your team lead says it is safe.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="86"/>
        <source>Save attachment?</source>
        <translation>Save attachment?</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="89"/>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="102"/>
        <source>Save attachment</source>
        <translation>Save attachment</translation>
    </message>
</context>
<context>
    <name>MailController</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="198"/>
        <location filename="../agent_desk/ui/mail.py" line="212"/>
        <source>Show original</source>
        <translation>Show original</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="225"/>
        <location filename="../agent_desk/ui/mail.py" line="239"/>
        <source>Save attachment</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="235"/>
        <source>Downloading {0}…</source>
        <translation>Downloading {0}…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="249"/>
        <source>The file could not be written there: {0}</source>
        <translation>The file could not be written there: {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="256"/>
        <source>Saved {0} ({1}). Agent Desk does not open it.</source>
        <translation>Saved {0} ({1}). Agent Desk does not open it.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="268"/>
        <source>The original mail is kept on the server, which cannot be reached now. Try again when you are back online.</source>
        <translation>The original mail is kept on the server, which cannot be reached now. Try again when you are back online.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="272"/>
        <source>The file is kept on the server, which cannot be reached now. Try again when you are back online.</source>
        <translation>The file is kept on the server, which cannot be reached now. Try again when you are back online.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="277"/>
        <source>The original of this mail is not available to you.</source>
        <translation>The original of this mail is not available to you.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="278"/>
        <source>This attachment is not available to you.</source>
        <translation>This attachment is not available to you.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="280"/>
        <source>Your session has ended. Sign in again, then try once more.</source>
        <translation>Your session has ended. Sign in again, then try once more.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="293"/>
        <source>Something went wrong. The log has the details.</source>
        <translation>Something went wrong. The log has the details.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="105"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="168"/>
        <source>Customer 360</source>
        <translation>Customer 360</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="169"/>
        <source>Knowledge</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="170"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="329"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="329"/>
        <source>Send the reply or add the note</source>
        <translation>Send the reply or add the note</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="311"/>
        <source>… shortened: {0} more characters (right-click to copy the whole message)</source>
        <translation>… shortened: {0} more characters (right-click to copy the whole message)</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../agent_desk/ui/bridge.py" line="73"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="226"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="228"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="230"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="231"/>
        <source>internal note</source>
        <translation>internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="242"/>
        <source>not delivered — {0}</source>
        <translation>not delivered — {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="246"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="249"/>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="250"/>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="240"/>
        <source>failed — {0}</source>
        <translation>failed — {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="247"/>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="248"/>
        <source>sent</source>
        <translation>sent</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="99"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="100"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="101"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="102"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="103"/>
        <source>Shipment</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="117"/>
        <source>in full</source>
        <translation>in full</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="117"/>
        <source>partial</source>
        <translation>partial</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="127"/>
        <source>Refunded {0} of {1} paid</source>
        <translation>Refunded {0} of {1} paid</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="132"/>
        <source>Last refund {0}</source>
        <translation>Last refund {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="159"/>
        <source>ETA {0}</source>
        <translation>ETA {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="169"/>
        <source>Placed {0}</source>
        <translation>Placed {0}</translation>
    </message>
</context>
<context>
    <name>OriginalDialog</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="128"/>
        <source>Original mail</source>
        <translation>Original mail</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="132"/>
        <source>As received, {0}</source>
        <translation>As received, {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="134"/>
        <source>the mail had only HTML: shown here as text</source>
        <translation>the mail had only HTML: shown here as text</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="138"/>
        <source>Original mail: headers, then the whole text</source>
        <translation>Original mail: headers, then the whole text</translation>
    </message>
</context>
<context>
    <name>PresenceControl</name>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="29"/>
        <source>Open conversations assigned to you / your capacity</source>
        <translation>Open conversations assigned to you / your capacity</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="31"/>
        <location filename="../agent_desk/ui/presence.py" line="56"/>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="32"/>
        <source>Your availability for new conversations</source>
        <translation>Your availability for new conversations</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="51"/>
        <source>Load {0}/{1}</source>
        <translation>Load {0}/{1}</translation>
    </message>
</context>
<context>
    <name>QueueDelegate</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="241"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="118"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="120"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="121"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="122"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="123"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="163"/>
        <source>{0} asks: {1}</source>
        <translation>{0} asks: {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="180"/>
        <source>A reply did not reach the customer: open it to retry</source>
        <translation>A reply did not reach the customer: open it to retry</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="185"/>
        <source>{0}

Last message: {1}</source>
        <translation>{0}

Last message: {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="196"/>
        <source>Unassigned: click Claim to take it</source>
        <translation>Unassigned: click Claim to take it</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="211"/>
        <source>Unknown customer</source>
        <translation>Unknown customer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="242"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="203"/>
        <location filename="../agent_desk/ui/queue_model.py" line="217"/>
        <source>Not delivered · {0}</source>
        <translation>Not delivered · {0}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="308"/>
        <source>Search name, phone, email, order, text…</source>
        <translation>Search name, phone, email, order, text…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="321"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="324"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="331"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="341"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="347"/>
        <source>Most urgent first</source>
        <translation>Most urgent first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="348"/>
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="349"/>
        <source>Longest waiting first</source>
        <translation>Longest waiting first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="350"/>
        <source>Highest priority first</source>
        <translation>Highest priority first</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="345"/>
        <location filename="../agent_desk/ui/queue_panel.py" line="353"/>
        <source>Sort the queue</source>
        <translation>Sort the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="307"/>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="357"/>
        <source>Conversation queue</source>
        <translation>Conversation queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="428"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="429"/>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="430"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="431"/>
        <source>Shared with me</source>
        <translation>Shared with me</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="432"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="521"/>
        <source>Filters ({0})</source>
        <translation>Filters ({0})</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="521"/>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="19"/>
        <source>Another agent has already claimed this conversation.</source>
        <translation>Another agent has already claimed this conversation.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="22"/>
        <source>You are not allowed to do that here.</source>
        <translation>You are not allowed to do that here.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="23"/>
        <source>Not allowed for your role.</source>
        <translation>Not allowed for your role.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="24"/>
        <source>That conversation, order or request is no longer available to you.</source>
        <translation>That conversation, order or request is no longer available to you.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="27"/>
        <source>The message is too long to send.</source>
        <translation>The message is too long to send.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="28"/>
        <source>There is nothing to send: the message is empty.</source>
        <translation>There is nothing to send: the message is empty.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="31"/>
        <source>The message contains a character that cannot be sent.</source>
        <translation>The message contains a character that cannot be sent.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="34"/>
        <source>The reply still has a gap to fill in before it can go to the customer.</source>
        <translation>The reply still has a gap to fill in before it can go to the customer.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="37"/>
        <source>Only a message that failed can be sent again.</source>
        <translation>Only a message that failed can be sent again.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="40"/>
        <source>This change reached the server twice; the first one counts.</source>
        <translation>This change reached the server twice; the first one counts.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="43"/>
        <source>Something in the request does not fit this conversation or order.</source>
        <translation>Something in the request does not fit this conversation or order.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="46"/>
        <source>The order&apos;s state no longer allows it.</source>
        <translation>The order&apos;s state no longer allows it.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="50"/>
        <source>The order has less left to refund (it was refunded meanwhile).</source>
        <translation>The order has less left to refund (it was refunded meanwhile).</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="53"/>
        <source>This order cannot be refunded.</source>
        <translation>This order cannot be refunded.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="56"/>
        <source>The order is cancelled or refunded in full: nothing more to do.</source>
        <translation>The order is cancelled or refunded in full: nothing more to do.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="59"/>
        <source>The order has not shipped (or came back).</source>
        <translation>The order has not shipped (or came back).</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="62"/>
        <source>The order has already shipped.</source>
        <translation>The order has already shipped.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="63"/>
        <source>The order has not been delivered yet.</source>
        <translation>The order has not been delivered yet.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="66"/>
        <source>The order has been delivered already.</source>
        <translation>The order has been delivered already.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="69"/>
        <source>This order paid no shipping fee.</source>
        <translation>This order paid no shipping fee.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="72"/>
        <source>This order&apos;s shipping fee was refunded already.</source>
        <translation>This order&apos;s shipping fee was refunded already.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="75"/>
        <source>That is more than the order&apos;s shipping fee.</source>
        <translation>That is more than the order&apos;s shipping fee.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="78"/>
        <source>The currency is not the order&apos;s.</source>
        <translation>The currency is not the order&apos;s.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="81"/>
        <source>Choose the order first.</source>
        <translation>Choose the order first.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="82"/>
        <source>This action is not offered any more.</source>
        <translation>This action is not offered any more.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="85"/>
        <source>This request was already decided.</source>
        <translation>This request was already decided.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="88"/>
        <source>Nobody approves their own request.</source>
        <translation>Nobody approves their own request.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="98"/>
        <source>Refused.</source>
        <translation>Refused.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="100"/>
        <source>That did not work ({0}): {1}</source>
        <translation>That did not work ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="103"/>
        <source>That did not work ({0}).</source>
        <translation>That did not work ({0}).</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="108"/>
        <source>That cannot be sent: {0}</source>
        <translation>That cannot be sent: {0}</translation>
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
        <location filename="../agent_desk/ui/settings_dialog.py" line="91"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="95"/>
        <source>Takes effect the next time Agent Desk starts.</source>
        <translation>Takes effect the next time Agent Desk starts.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="100"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="196"/>
        <source>Desktop notifications</source>
        <translation>Desktop notifications</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="102"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="197"/>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="104"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="198"/>
        <source>SLA reminders</source>
        <translation>SLA reminders</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="108"/>
        <source>Remind me when a waiting customer passes the reply target, again shortly before the breach, and when it is breached.</source>
        <translation>Remind me when a waiting customer passes the reply target, again shortly before the breach, and when it is breached.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="122"/>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="90"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="131"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="195"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="205"/>
        <source>“{0}” is now set by your administrator and cannot be changed here.</source>
        <translation>“{0}” is now set by your administrator and cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="208"/>
        <source>“{0}” has a value that cannot be saved.</source>
        <translation>“{0}” has a value that cannot be saved.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="211"/>
        <source>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</source>
        <translation>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="215"/>
        <source>The settings file {0} could not be written: {1}</source>
        <translation>The settings file {0} could not be written: {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="223"/>
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="229"/>
        <source>Your choices are still here; nothing was lost.</source>
        <translation>Your choices are still here; nothing was lost.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="47"/>
        <location filename="../agent_desk/ui/help_dialog.py" line="58"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="60"/>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="60"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="84"/>
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
        <location filename="../agent_desk/ui/sign_in.py" line="77"/>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="82"/>
        <source>This computer has no secure keyring, so you will sign in each time.</source>
        <translation>This computer has no secure keyring, so you will sign in each time.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="93"/>
        <location filename="../agent_desk/ui/sign_in.py" line="149"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="96"/>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="104"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="73"/>
        <location filename="../agent_desk/ui/sign_in.py" line="105"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="71"/>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="75"/>
        <location filename="../agent_desk/ui/sign_in.py" line="106"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="126"/>
        <source>Enter the server, your username and your password.</source>
        <translation>Enter the server, your username and your password.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="149"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="157"/>
        <location filename="../agent_desk/ui/sign_in.py" line="158"/>
        <source>The username or password is not right.</source>
        <translation>The username or password is not right.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="159"/>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Too many attempts. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="161"/>
        <source>Cannot reach the server. Check the address and your network connection.</source>
        <translation>Cannot reach the server. Check the address and your network connection.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="163"/>
        <source>The server address must start with http:// or https://.</source>
        <translation>The server address must start with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="164"/>
        <source>This computer&apos;s cache belongs to another account.</source>
        <translation>This computer&apos;s cache belongs to another account.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="165"/>
        <source>The server failed. Try again in a moment.</source>
        <translation>The server failed. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="167"/>
        <source>This version of Agent Desk does not match the server. Install the update.</source>
        <translation>This version of Agent Desk does not match the server. Install the update.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="170"/>
        <source>Signing in did not work.</source>
        <translation>Signing in did not work.</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="172"/>
        <source>You can work offline from the cached data meanwhile.</source>
        <translation>You can work offline from the cached data meanwhile.</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="33"/>
        <location filename="../agent_desk/ui/window_commands.py" line="233"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="34"/>
        <location filename="../agent_desk/ui/window_commands.py" line="234"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="35"/>
        <location filename="../agent_desk/ui/window_commands.py" line="232"/>
        <source>Agent Desk</source>
        <translation>Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="41"/>
        <source>Claim the conversation</source>
        <translation>Claim the conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="50"/>
        <source>Resolve the conversation</source>
        <translation>Resolve the conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="59"/>
        <source>Snooze for 1 hour</source>
        <translation>Snooze for 1 hour</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="68"/>
        <source>Reopen the conversation</source>
        <translation>Reopen the conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="76"/>
        <source>Write a reply</source>
        <translation>Write a reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="85"/>
        <source>Switch between reply and internal note</source>
        <translation>Switch between reply and internal note</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="94"/>
        <source>Show the original mail</source>
        <translation>Show the original mail</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="103"/>
        <source>Retry every failed message</source>
        <translation>Retry every failed message</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="111"/>
        <source>Take the next waiting conversation</source>
        <translation>Take the next waiting conversation</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="119"/>
        <source>Next conversation in the list</source>
        <translation>Next conversation in the list</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="126"/>
        <source>Previous conversation in the list</source>
        <translation>Previous conversation in the list</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="133"/>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="141"/>
        <source>Clear the queue filters</source>
        <translation>Clear the queue filters</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="147"/>
        <source>Search answers</source>
        <translation>Search answers</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="148"/>
        <location filename="../agent_desk/ui/window_commands.py" line="156"/>
        <location filename="../agent_desk/ui/window_commands.py" line="235"/>
        <source>Knowledge</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="155"/>
        <source>Insert the selected answer into the reply</source>
        <translation>Insert the selected answer into the reply</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="167"/>
        <source>Show {0}</source>
        <translation>Show {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="176"/>
        <source>Command palette</source>
        <translation>Command palette</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="182"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="185"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="193"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="201"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="208"/>
        <source>Quit Agent Desk</source>
        <translation>Quit Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="219"/>
        <source>Set me {0}</source>
        <translation>Set me {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="241"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
</TS>
