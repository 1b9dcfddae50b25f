<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../agent_desk/ui/accessibility.py" line="23"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/accessibility.py" line="25"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="63"/>
        <source>will run when back online</source>
        <translation>恢复联网后执行</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="65"/>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="66"/>
        <source>waiting for a supervisor</source>
        <translation>等待主管审批</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="67"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="68"/>
        <source>denied</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="69"/>
        <source>failed</source>
        <translation>执行失败</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="70"/>
        <source>refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="93"/>
        <source>{1} of this kind on this order in {2} days; your limit is {0} per order</source>
        <translation>该订单 {2} 天内已处理 {1}，您的每单上限为 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="97"/>
        <source>{1} of this kind for this customer in {2} days; your limit is {0} per customer</source>
        <translation>该客户 {2} 天内已处理 {1}，您的每位客户上限为 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="101"/>
        <source>{1} given to this customer in {2} days; your limit is {0} per customer</source>
        <translation>该客户 {2} 天内已获补偿 {1}，您的补偿总额上限为 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="105"/>
        <source>{1} of today&apos;s {0} used: more than is left of today&apos;s total</source>
        <translation>今日额度 {0} 已用 {1}：超出今日剩余额度</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="108"/>
        <source>done {1} times on this order; you may do it {0} times per order</source>
        <translation>该订单已处理 {1} 次；您每单最多可处理 {0} 次</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="111"/>
        <source>more than the {0} days you may give</source>
        <translation>超过您可给予的 {0} 天</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="121"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="143"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="872"/>
        <source>beyond your authority</source>
        <translation>超出您的权限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="142"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="672"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="870"/>
        <source>; </source>
        <comment>between listed limits</comment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="268"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="286"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="290"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="292"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="295"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="297"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="303"/>
        <source>Send instead</source>
        <translation>换成</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="306"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="310"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="312"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="314"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="316"/>
        <source>Note for the record</source>
        <translation>内部留档备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="317"/>
        <source>Note for the record (optional)</source>
        <translation>备注（可选，仅内部留档）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="352"/>
        <source>Choose what to do for this customer.</source>
        <translation>选择要为该客户执行的操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="360"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="364"/>
        <source>This customer&apos;s actions and compensation</source>
        <translation>该客户的处理记录与补偿</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="365"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="368"/>
        <source>Approval requests</source>
        <translation>待审批申请</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="372"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="373"/>
        <source>Reason for your decision</source>
        <translation>审批理由</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="375"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="376"/>
        <source>Deny</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="438"/>
        <source>Open a conversation to act for its customer.</source>
        <translation>打开一个会话，即可为其客户处理。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="464"/>
        <source>What you can do for {0} ({1} customer)</source>
        <translation>您可以为 {0}（{1}客户）做什么</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="492"/>
        <source>Approved: {0} {1} ran, and the customer was told.</source>
        <translation>已批准：{0} {1} 已执行，并已通知客户。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="494"/>
        <source>Denied: {0} {1}. The customer was told it was not approved.</source>
        <translation>已驳回：{0} {1}。已告知客户未获批准。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="575"/>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="577"/>
        <source>{0}: suggested for this case</source>
        <translation>{0}：建议用于此案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="580"/>
        <source>Suggested for this case</source>
        <translation>建议用于此案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="619"/>
        <source>The authority policy has not synced yet.</source>
        <translation>权限政策尚未同步。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="623"/>
        <source>Your role does not run actions.</source>
        <translation>您的角色不能执行处理操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="653"/>
        <source>Up to {0} per {1} for this {2} customer</source>
        <translation>该{2}客户每笔{1}最多 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="654"/>
        <source>{0} of {1} left on this order ({2} days)</source>
        <translation>该订单剩余 {0}（上限 {1}，{2} 天内）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="655"/>
        <source>{0} of {1} left for this customer ({2} days)</source>
        <translation>该客户剩余 {0}（上限 {1}，{2} 天内）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="656"/>
        <source>{0} of {1} compensation left for this customer ({2} days)</source>
        <translation>该客户补偿额度剩余 {0}（上限 {1}，{2} 天内）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="658"/>
        <source>{0} of {1} times left on this order</source>
        <translation>该订单剩余 {0} 次（共 {1} 次）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="720"/>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="771"/>
        <source>{0} (as ordered)</source>
        <translation>{0}（原订单）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="776"/>
        <source>Send instead of {0}</source>
        <translation>替换 {0} 发出</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="847"/>
        <source>Confirm: {0}</source>
        <translation>确认：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="850"/>
        <source>Choose the reason to confirm.</source>
        <translation>选择原因后才能确认。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="863"/>
        <source>not possible for this order</source>
        <translation>该订单无法执行此操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="923"/>
        <source>Sent for approval: tell the customer they will hear from you.</source>
        <translation>已提交审批：请告诉客户我们会尽快答复。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="933"/>
        <source>Resolution action</source>
        <translation>处理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="963"/>
        <source>Approval sent: it runs when the server has it.</source>
        <translation>已提交批准：服务器收到后执行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="965"/>
        <source>Denial sent.</source>
        <translation>已提交驳回。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="969"/>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="642"/>
        <source>{0} needs a supervisor&apos;s approval for this {1} customer</source>
        <translation>该{1}客户的{0}需主管审批</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="648"/>
        <source>{0} without an amount limit for this {1} customer</source>
        <translation>该{1}客户的{0}无金额上限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="657"/>
        <source>{0} of today&apos;s {1} left</source>
        <translation>今日额度 {1}，剩余 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="90"/>
        <source>above your limit of {0} per action</source>
        <translation>超出单笔权限 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="114"/>
        <source>not within your authority for this customer</source>
        <translation>不在您对该客户的权限内</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="117"/>
        <source>the amount is in another currency than the limits</source>
        <translation>金额币种与权限币种不同</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="860"/>
        <source>more than is left to refund on this order</source>
        <translation>超过该订单剩余可退金额</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="859"/>
        <source>your role does not run actions</source>
        <translation>您的角色不能执行处理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="326"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="329"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="866"/>
        <source>your limits have not synced yet</source>
        <translation>您的权限尚未同步</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="877"/>
        <source>Not possible here: {0}</source>
        <translation>无法执行：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="880"/>
        <source>Beyond your authority ({0}): a supervisor will be asked to approve.</source>
        <translation>超出您的权限（{0}）：将提交主管审批。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="883"/>
        <source>Within your authority: it runs as soon as you confirm.</source>
        <translation>在您的权限内：确认后立即执行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="886"/>
        <source>Effect: {0} {1} on order {2}</source>
        <translation>效果：订单 {2} {0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="888"/>
        <source>Effect: {0} {1}</source>
        <translation>效果：{0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="901"/>
        <source>Left of today&apos;s total after this: {0}</source>
        <translation>执行后今日剩余额度：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="905"/>
        <source>The customer will get:</source>
        <translation>客户将收到：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="839"/>
        <source>Ask for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="842"/>
        <source>Confirm: {0} {1}</source>
        <translation>确认：{0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="925"/>
        <source>Done: it runs now (or as soon as you are back online).</source>
        <translation>已提交：立即执行（离线时将在恢复联网后执行）。</translation>
    </message>
</context>
<context>
    <name>Attention</name>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="383"/>
        <location filename="../agent_desk/ui/attention.py" line="406"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="389"/>
        <source>New message from {0}</source>
        <translation>来自 {0} 的新消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="391"/>
        <source>New conversation from {0}</source>
        <translation>来自 {0} 的新会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="393"/>
        <source>Waiting too long: {0}</source>
        <translation>等待超时：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="395"/>
        <source>Reply now: {0}</source>
        <translation>请立即回复：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="396"/>
        <source>Reply due: {0}</source>
        <translation>该回复了：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="405"/>
        <source>Conversations needing attention: {0}</source>
        <translation>需要关注的会话：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="443"/>
        <source>Agent Desk — unread: {0}</source>
        <translation>Agent Desk — 未读：{0}</translation>
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
        <translation>显示 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="474"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>CaseBar</name>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="60"/>
        <source>This case: {0}</source>
        <translation>此案：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="66"/>
        <source>Insert answer: {0}</source>
        <translation>插入答案：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="67"/>
        <location filename="../agent_desk/ui/case_bar.py" line="68"/>
        <source>Insert the suggested answer: {0}</source>
        <translation>插入建议的答案：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="75"/>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="77"/>
        <source>Suggested action: {0}</source>
        <translation>建议的操作：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="78"/>
        <source>Open {0} for this case in the Actions tab</source>
        <translation>在“处理操作”页为此案打开“{0}”</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../agent_desk/ui/case.py" line="132"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="135"/>
        <source>you</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="137"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="201"/>
        <source>Mark as read</source>
        <translation>标记为已读</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="246"/>
        <source>Nobody is waiting. Well done.</source>
        <translation>没有客户在等待。干得好。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="259"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="268"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="271"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="281"/>
        <source>Snooze</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="287"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="307"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="320"/>
        <source>Agent note</source>
        <translation>客服备注</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="174"/>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="180"/>
        <source>Type a command, or a name, phone, email, subject or order number</source>
        <translation>输入命令，或姓名、电话、邮箱、主题、订单号</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="178"/>
        <location filename="../agent_desk/ui/palette.py" line="182"/>
        <source>Command or search</source>
        <translation>命令或搜索</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="186"/>
        <location filename="../agent_desk/ui/palette.py" line="188"/>
        <source>Results</source>
        <translation>结果</translation>
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
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="293"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="294"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="300"/>
        <source>{0}: {1} · {2} (no conversation yet)</source>
        <translation>{0}：{1} · {2}（尚无会话）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="302"/>
        <source>{0}: {1} (no conversation yet)</source>
        <translation>{0}：{1}（尚无会话）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="304"/>
        <source>{0}: {1} · {2}</source>
        <translation>{0}：{1} · {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="306"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="542"/>
        <source>Reply or internal note</source>
        <translation>回复或内部备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="544"/>
        <location filename="../agent_desk/ui/conversation.py" line="785"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>输入回复…（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="547"/>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="548"/>
        <source>Only your colleagues see internal notes</source>
        <translation>内部备注仅同事可见</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="551"/>
        <location filename="../agent_desk/ui/conversation.py" line="597"/>
        <location filename="../agent_desk/ui/conversation.py" line="780"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="561"/>
        <source>Check the reply</source>
        <translation>核对回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="568"/>
        <source>Where the reply goes</source>
        <translation>回复发往何处</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="609"/>
        <source>Replying to {0} by email</source>
        <translation>通过电子邮件回复 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="611"/>
        <source>Replying by email</source>
        <translation>通过电子邮件回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="704"/>
        <source>{0} is already past</source>
        <translation>{0} 已是过去的日期</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="706"/>
        <source>{0} is not an amount of this order</source>
        <translation>{0} 不是本订单的金额</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="712"/>
        <source>Not sent yet: {0}. Send again to send it as it is.</source>
        <translation>尚未发送：{0}。再次发送将按原样发出。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="715"/>
        <source>Check before sending: {0}</source>
        <translation>发送前请核对：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="759"/>
        <source>Fill in before sending: {0}</source>
        <translation>发送前请填写：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="780"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="783"/>
        <source>Internal note for colleagues… (Ctrl+Enter adds it)</source>
        <translation>给同事的内部备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="795"/>
        <source>Not sent: fill in {0} first</source>
        <translation>未发送：请先填写 {0}</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="86"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="87"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="88"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="89"/>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="90"/>
        <source>Update required</source>
        <translation>需要更新</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="98"/>
        <source>Technical detail: {0}</source>
        <translation>技术详情：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="105"/>
        <source>Last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="111"/>
        <source>the server cannot be reached</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="112"/>
        <source>the server is having trouble</source>
        <translation>服务器出现问题</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="113"/>
        <source>the server sent an answer this version cannot read</source>
        <translation>服务器返回了此版本无法识别的响应</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="114"/>
        <source>your session has ended</source>
        <translation>登录已失效</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="115"/>
        <source>this version does not match the server</source>
        <translation>此版本与服务器不匹配</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="116"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="117"/>
        <source>the connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="121"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} 条待发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="126"/>
        <source>Nothing is waiting to be sent.</source>
        <translation>没有待发送的内容。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="128"/>
        <source>Waiting to be sent — {0}.</source>
        <translation>待发送 — {0}。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="139"/>
        <source>Your session has ended. Sign in again to send and receive. {0}</source>
        <translation>登录已失效。请重新登录以收发消息。{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="142"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="148"/>
        <source>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</source>
        <translation>此版本的 Agent Desk 已与服务器不匹配。请安装更新，待发送的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="154"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="158"/>
        <source>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</source>
        <translation>自 {0} 起离线（{1}）。数据最后同步：{2}，您可以继续工作。{3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="166"/>
        <source>Try now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="175"/>
        <source>conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="176"/>
        <source>messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="177"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="178"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="183"/>
        <source>Loading your workspace: {0} records so far ({1}).</source>
        <translation>正在加载工作区：已加载 {0} 条记录（{1}）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="210"/>
        <source>The server refused {0} change(s). Latest: {1} — {2}</source>
        <translation>服务器拒绝了 {0} 项更改。最近一项：{1} — {2}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="215"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="871"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="876"/>
        <source>Customer&apos;s email address</source>
        <translation>客户的电子邮件地址</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="933"/>
        <source>Subject: {0}</source>
        <translation>主题：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="933"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="938"/>
        <source>From: {0}</source>
        <translation>发件人：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="940"/>
        <source>From: (no email address on file)</source>
        <translation>发件人：（没有记录电子邮件地址）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="958"/>
        <source>Snoozed until {0}</source>
        <translation>稍后处理至 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="961"/>
        <source>Waiting {0} · {1}</source>
        <translation>已等待 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="970"/>
        <source>Nothing owed to the customer</source>
        <translation>暂无待回复</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1008"/>
        <source>Pick a conversation from the queue</source>
        <translation>从队列中选择一个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1012"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1015"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1018"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1022"/>
        <source>Snooze</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1028"/>
        <source>For 1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1029"/>
        <source>For 4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1030"/>
        <source>Until tomorrow 09:00</source>
        <translation>到明天 09:00</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1031"/>
        <source>For a week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1047"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1140"/>
        <source>Retry sending</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1143"/>
        <source>Copy the whole message</source>
        <translation>复制整条消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1147"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1152"/>
        <source>Show original…</source>
        <translation>查看原始邮件…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1158"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1163"/>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1175"/>
        <source>This attachment&apos;s address cannot be opened</source>
        <translation>此附件的地址无法打开</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1199"/>
        <source>Save attachment…</source>
        <translation>保存附件…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1202"/>
        <source>Open attachment…</source>
        <translation>打开附件…</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="184"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="185"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="186"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="187"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="248"/>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="262"/>
        <source>A note about this customer for every agent…</source>
        <translation>关于该客户的备注，所有客服可见…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="264"/>
        <source>Save note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="261"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="294"/>
        <source>Agent note</source>
        <translation>客服备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="273"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="300"/>
        <source>Orders, latest first</source>
        <translation>订单（最新在前）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="280"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="302"/>
        <source>Conversations on every channel</source>
        <translation>全渠道会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="418"/>
        <source>{0} · lifetime value {1}</source>
        <translation>{0} · 累计消费 {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="430"/>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="436"/>
        <source>Satisfaction: {0} (average {1} of 5)</source>
        <translation>满意度：{0}（平均 {1}/5）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="441"/>
        <source>No satisfaction ratings yet</source>
        <translation>暂无满意度评价</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="484"/>
        <source>Refund on order {0}</source>
        <translation>订单 {0} 的退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="490"/>
        <source>in full</source>
        <translation>全额</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="490"/>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="525"/>
        <source>This note is longer than {0} characters: shown shortened, read-only.</source>
        <translation>备注超过 {0} 个字符：已截断显示，只读。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="474"/>
        <source>No refunds or compensation before</source>
        <translation>此前无退款或补偿</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="506"/>
        <source>approved by {0}</source>
        <translation>{0} 批准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="513"/>
        <source>Before: {0}</source>
        <translation>以往：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="529"/>
        <source>Only the agent assigned to one of this customer&apos;s conversations, or a supervisor, changes this note.</source>
        <translation>只有负责该客户某个会话的坐席或主管可以修改此备注。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="549"/>
        <source>A note can hold {0} characters; this one has {1}. Shorten it to save.</source>
        <translation>备注最多 {0} 个字符，当前有 {1} 个。请缩短后再保存。</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="105"/>
        <source>no channel connection serves this channel (ask an admin)</source>
        <translation>没有为此渠道配置渠道连接（请联系管理员）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="108"/>
        <source>the channel connection has no address for replies (ask an admin)</source>
        <translation>渠道连接未设置回复地址（请联系管理员）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="111"/>
        <source>the channel refused it ({0})</source>
        <translation>渠道拒收（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="112"/>
        <source>the channel could not be reached ({0})</source>
        <translation>无法连接渠道（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="113"/>
        <source>the channel could not deliver it ({0})</source>
        <translation>渠道未能送达（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="116"/>
        <source>it could not be sent ({0})</source>
        <translation>无法发出（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="120"/>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../agent_desk/app.py" line="368"/>
        <source>The new language applies the next time Agent Desk starts.</source>
        <translation>新语言将在下次启动 Agent Desk 时生效。</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="420"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="422"/>
        <source>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</source>
        <translation>还有 {0} 项更改尚未发送。这些更改会保留在此电脑上，并在您重新登录后发送。仍要退出登录吗？</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="437"/>
        <source>You are signed out on this computer. The server could not be told, so that session ends at the server when it expires.</source>
        <translation>您已在这台电脑上退出登录。无法通知服务器，该登录会在服务器端到期后自动失效。</translation>
    </message>
</context>
<context>
    <name>KnowledgeController</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="246"/>
        <source>The answer you edited was left as you wrote it: check that it fits order {0}.</source>
        <translation>您改过的回复已原样保留：请确认它适用于订单 {0}。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="270"/>
        <source>That is guidance for agents: it is never put into a reply to a customer.</source>
        <translation>这是给客服的内部指引，不会放进给客户的回复。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="307"/>
        <source>Answer feedback</source>
        <translation>答案反馈</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="311"/>
        <source>Thank you: your rating helps everyone.</source>
        <translation>谢谢：您的评价对大家都有帮助。</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="62"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="63"/>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="64"/>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="66"/>
        <source>matches {0} ({1})</source>
        <translation>匹配 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="70"/>
        <source>read “{0}” as “{1}”</source>
        <translation>将“{0}”理解为“{1}”</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="74"/>
        <source>about {0} ({1}% sure)</source>
        <translation>场景：{0}（把握 {1}%）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="83"/>
        <source>order {0} is {1}, customer says “{2}”</source>
        <translation>订单 {0} {1}，客户提到“{2}”</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="86"/>
        <source>order {0} is {1}</source>
        <translation>订单 {0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="90"/>
        <source>in the customer&apos;s language</source>
        <translation>与客户语言一致</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="92"/>
        <source>helpful {0} times</source>
        <translation>{0} 次有帮助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="100"/>
        <source>For agents</source>
        <translation>仅供客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="152"/>
        <source>Guidance for agents, never sent to the customer</source>
        <translation>客服内部指引，不会发给客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="297"/>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="425"/>
        <source>Suggested for what the customer just said</source>
        <translation>根据客户刚才的话推荐</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="303"/>
        <source>Search answers</source>
        <translation>搜索答案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="304"/>
        <source>Search answers (works offline)…</source>
        <translation>搜索答案（离线可用）…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="312"/>
        <source>Suggested answers</source>
        <translation>推荐答案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="327"/>
        <source>Answer preview</source>
        <translation>答案预览</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="330"/>
        <source>Pick an answer to read it in full.</source>
        <translation>选择一个答案查看全文。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="332"/>
        <source>Guidance for agents: read it, it is never put into a reply.</source>
        <translation>客服内部指引：供您阅读参考，不会放进回复。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="335"/>
        <source>Guidance for agents</source>
        <translation>客服内部指引</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="338"/>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="339"/>
        <source>Insert into reply</source>
        <translation>插入回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="393"/>
        <source>Guidance for agents: it is never put into a reply</source>
        <translation>客服内部指引：不会放进回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="395"/>
        <source>Puts the answer into the reply with this customer&apos;s details</source>
        <translation>把答案连同该客户的信息插入回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="342"/>
        <source>Helpful</source>
        <translation>有帮助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="343"/>
        <source>Not helpful</source>
        <translation>没帮助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="408"/>
        <source>No answer matches yet. Search above, or wait for the customer.</source>
        <translation>暂无匹配的答案。可在上方搜索，或等待客户的消息。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="436"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="441"/>
        <source>… (the preview is shortened)</source>
        <translation>…（预览已截断）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="28"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="29"/>
        <location filename="../agent_desk/ui/labels.py" line="107"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="30"/>
        <location filename="../agent_desk/ui/labels.py" line="106"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="31"/>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="32"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="39"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="40"/>
        <source>Pending</source>
        <translation>待客户回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="41"/>
        <source>Snoozed</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="42"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="49"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="50"/>
        <source>Normal</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="51"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="52"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="59"/>
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="60"/>
        <source>Silver</source>
        <translation>白银</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="61"/>
        <source>Gold</source>
        <translation>黄金</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="62"/>
        <source>Platinum</source>
        <translation>铂金</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="69"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="70"/>
        <source>Growing</source>
        <translation>成长期</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="71"/>
        <source>Mature</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="72"/>
        <source>Declining</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="73"/>
        <source>Churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="80"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="81"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="82"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="83"/>
        <location filename="../agent_desk/ui/labels.py" line="97"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="84"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="85"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="86"/>
        <source>Partially refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="93"/>
        <source>Not shipped</source>
        <translation>未发货</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="94"/>
        <source>Label created</source>
        <translation>已生成运单</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="95"/>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="96"/>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="98"/>
        <source>Delivery problem</source>
        <translation>物流异常</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="99"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="108"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="109"/>
        <source>App account</source>
        <translation>应用账号</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="116"/>
        <source>Available</source>
        <translation>可接待</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="117"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="118"/>
        <source>Away</source>
        <translation>暂离</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="119"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="126"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="127"/>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="128"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="129"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="136"/>
        <source>Nothing owed</source>
        <translation>暂无待回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="137"/>
        <source>On target</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="138"/>
        <source>At risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="139"/>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="158"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="159"/>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="160"/>
        <source>Delivery retry</source>
        <translation>重新投递</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="161"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="162"/>
        <source>Assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="163"/>
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="164"/>
        <source>Snooze</source>
        <translation>稍后处理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="165"/>
        <source>Priority change</source>
        <translation>优先级变更</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="166"/>
        <source>Read mark</source>
        <translation>已读标记</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="167"/>
        <source>Invitation</source>
        <translation>邀请协助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="168"/>
        <source>Invitation withdrawn</source>
        <translation>撤回邀请</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="169"/>
        <source>Customer note</source>
        <translation>客户备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="170"/>
        <source>Availability</source>
        <translation>接待状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="171"/>
        <source>Answer feedback</source>
        <translation>答案反馈</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../agent_desk/ui/links.py" line="85"/>
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="87"/>
        <source>Write an email to {0}?</source>
        <translation>要给 {0} 写邮件吗？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="91"/>
        <source>Open a page on {0} in your browser?</source>
        <translation>要在浏览器中打开 {0} 上的网页吗？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="95"/>
        <source>This attachment is stored elsewhere. The full address is:
{0}</source>
        <translation>此附件存放在其他网站。完整地址：
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="99"/>
        <source>A customer wrote this link. The full address is:
{0}</source>
        <translation>这是客户发来的链接。完整地址为：
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="104"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="45"/>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="55"/>
        <source>Save this file from the customer?</source>
        <translation>要保存客户发来的这个文件吗？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="57"/>
        <source>Name: {0}</source>
        <translation>名称：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="58"/>
        <source>Type: {0} (what the server found in the file)</source>
        <translation>类型：{0}（服务器在文件中识别出的类型）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="61"/>
        <source>Size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="63"/>
        <source>Agent Desk never opens files. Open it yourself only if you expected this file from this customer.</source>
        <translation>Agent Desk 从不打开文件。只有在你确实在等这位客户发来这个文件时，才自行打开它。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="72"/>
        <source>Warning: a file of this kind can run programs or scripts on your computer when it is opened. Do not open it unless your team lead says it is safe.</source>
        <translation>警告：这类文件被打开时可能会在你的电脑上运行程序或脚本。除非组长确认安全，否则不要打开。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="86"/>
        <source>Save attachment?</source>
        <translation>保存附件？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="89"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="102"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
</context>
<context>
    <name>MailController</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="198"/>
        <location filename="../agent_desk/ui/mail.py" line="212"/>
        <source>Show original</source>
        <translation>查看原始邮件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="225"/>
        <location filename="../agent_desk/ui/mail.py" line="239"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="235"/>
        <source>Downloading {0}…</source>
        <translation>正在下载 {0}…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="249"/>
        <source>The file could not be written there: {0}</source>
        <translation>无法将文件写入该位置：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="256"/>
        <source>Saved {0} ({1}). Agent Desk does not open it.</source>
        <translation>已保存 {0}（{1}）。Agent Desk 不会打开它。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="268"/>
        <source>The original mail is kept on the server, which cannot be reached now. Try again when you are back online.</source>
        <translation>原始邮件保存在服务器上，但现在无法连接服务器。恢复联网后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="272"/>
        <source>The file is kept on the server, which cannot be reached now. Try again when you are back online.</source>
        <translation>文件保存在服务器上，但现在无法连接服务器。恢复联网后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="277"/>
        <source>The original of this mail is not available to you.</source>
        <translation>你无法查看这封邮件的原始内容。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="278"/>
        <source>This attachment is not available to you.</source>
        <translation>你无法获取这个附件。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="280"/>
        <source>Your session has ended. Sign in again, then try once more.</source>
        <translation>登录已失效。请重新登录后再试一次。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="293"/>
        <source>Something went wrong. The log has the details.</source>
        <translation>出了点问题。详细信息见日志。</translation>
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
        <translation>客户360视图</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="169"/>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="170"/>
        <source>Actions</source>
        <translation>处理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="329"/>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="329"/>
        <source>Send the reply or add the note</source>
        <translation>发送回复或添加备注</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="311"/>
        <source>… shortened: {0} more characters (right-click to copy the whole message)</source>
        <translation>…已截断：还有 {0} 个字符（右键可复制整条消息）</translation>
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
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="228"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="230"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="231"/>
        <source>internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="242"/>
        <source>not delivered — {0}</source>
        <translation>未送达 — {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="246"/>
        <source>queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="249"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="250"/>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="240"/>
        <source>failed — {0}</source>
        <translation>发送失败 — {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="247"/>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="248"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="99"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="101"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="102"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="103"/>
        <source>Shipment</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="117"/>
        <source>in full</source>
        <translation>全额</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="117"/>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="127"/>
        <source>Refunded {0} of {1} paid</source>
        <translation>已退 {0}（实付 {1}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="132"/>
        <source>Last refund {0}</source>
        <translation>最近一次退款 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="159"/>
        <source>ETA {0}</source>
        <translation>预计送达 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="169"/>
        <source>Placed {0}</source>
        <translation>下单时间 {0}</translation>
    </message>
</context>
<context>
    <name>OriginalDialog</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="128"/>
        <source>Original mail</source>
        <translation>原始邮件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="132"/>
        <source>As received, {0}</source>
        <translation>收到时的原样，{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="134"/>
        <source>the mail had only HTML: shown here as text</source>
        <translation>这封邮件只有 HTML：这里以纯文本显示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="138"/>
        <source>Original mail: headers, then the whole text</source>
        <translation>原始邮件：先是邮件头，然后是全文</translation>
    </message>
</context>
<context>
    <name>PresenceControl</name>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="29"/>
        <source>Open conversations assigned to you / your capacity</source>
        <translation>分配给您的进行中会话 / 您的接待上限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="31"/>
        <location filename="../agent_desk/ui/presence.py" line="56"/>
        <source>Availability</source>
        <translation>接待状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="32"/>
        <source>Your availability for new conversations</source>
        <translation>您接待新会话的状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="51"/>
        <source>Load {0}/{1}</source>
        <translation>接待中 {0}/{1}</translation>
    </message>
</context>
<context>
    <name>QueueDelegate</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="241"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="118"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="120"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="121"/>
        <source>Waiting</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="122"/>
        <source>New</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="123"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="163"/>
        <source>{0} asks: {1}</source>
        <translation>{0} 的诉求：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="180"/>
        <source>A reply did not reach the customer: open it to retry</source>
        <translation>有回复未送达客户：打开会话即可重试</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="185"/>
        <source>{0}

Last message: {1}</source>
        <translation>{0}

最新消息：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="196"/>
        <source>Unassigned: click Claim to take it</source>
        <translation>未分配：点击“接手”即可接下此会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="211"/>
        <source>Unknown customer</source>
        <translation>未知客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="242"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="203"/>
        <location filename="../agent_desk/ui/queue_model.py" line="217"/>
        <source>Not delivered · {0}</source>
        <translation>未送达 · {0}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="308"/>
        <source>Search name, phone, email, order, text…</source>
        <translation>搜索姓名、电话、邮箱、订单、内容…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="321"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="324"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="331"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="341"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="347"/>
        <source>Most urgent first</source>
        <translation>最紧急的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="348"/>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="349"/>
        <source>Longest waiting first</source>
        <translation>等待最久的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="350"/>
        <source>Highest priority first</source>
        <translation>优先级最高的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="345"/>
        <location filename="../agent_desk/ui/queue_panel.py" line="353"/>
        <source>Sort the queue</source>
        <translation>队列排序</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="307"/>
        <source>Search conversations</source>
        <translation>搜索会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="357"/>
        <source>Conversation queue</source>
        <translation>会话队列</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="428"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="429"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="430"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="431"/>
        <source>Shared with me</source>
        <translation>共享给我</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="432"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="521"/>
        <source>Filters ({0})</source>
        <translation>筛选（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="521"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="19"/>
        <source>Another agent has already claimed this conversation.</source>
        <translation>其他客服已接手此会话。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="22"/>
        <source>You are not allowed to do that here.</source>
        <translation>您无权在此执行该操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="23"/>
        <source>Not allowed for your role.</source>
        <translation>您的角色无权执行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="24"/>
        <source>That conversation, order or request is no longer available to you.</source>
        <translation>该会话、订单或申请已无法访问。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="27"/>
        <source>The message is too long to send.</source>
        <translation>消息过长，无法发送。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="28"/>
        <source>There is nothing to send: the message is empty.</source>
        <translation>没有可发送的内容：消息为空。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="31"/>
        <source>The message contains a character that cannot be sent.</source>
        <translation>消息中含有无法发送的字符。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="34"/>
        <source>The reply still has a gap to fill in before it can go to the customer.</source>
        <translation>回复中还有待填写的内容，填好后才能发给客户。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="37"/>
        <source>Only a message that failed can be sent again.</source>
        <translation>只有发送失败的消息才能重新发送。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="40"/>
        <source>This change reached the server twice; the first one counts.</source>
        <translation>此更改已两次到达服务器，以第一次为准。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="43"/>
        <source>Something in the request does not fit this conversation or order.</source>
        <translation>请求中有内容与该会话或订单不符。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="46"/>
        <source>The order&apos;s state no longer allows it.</source>
        <translation>订单当前状态已不允许此操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="50"/>
        <source>The order has less left to refund (it was refunded meanwhile).</source>
        <translation>订单可退金额不足（期间已有退款）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="53"/>
        <source>This order cannot be refunded.</source>
        <translation>该订单无法退款。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="56"/>
        <source>The order is cancelled or refunded in full: nothing more to do.</source>
        <translation>订单已取消或已全额退款，无法再处理。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="59"/>
        <source>The order has not shipped (or came back).</source>
        <translation>订单尚未发货（或已退回）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="62"/>
        <source>The order has already shipped.</source>
        <translation>订单已发货。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="63"/>
        <source>The order has not been delivered yet.</source>
        <translation>订单尚未送达。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="66"/>
        <source>The order has been delivered already.</source>
        <translation>订单已送达。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="69"/>
        <source>This order paid no shipping fee.</source>
        <translation>该订单未支付运费。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="72"/>
        <source>This order&apos;s shipping fee was refunded already.</source>
        <translation>该订单的运费已退过。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="75"/>
        <source>That is more than the order&apos;s shipping fee.</source>
        <translation>超过该订单的运费。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="78"/>
        <source>The currency is not the order&apos;s.</source>
        <translation>币种与订单不一致。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="81"/>
        <source>Choose the order first.</source>
        <translation>请先选择订单。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="82"/>
        <source>This action is not offered any more.</source>
        <translation>该操作已不再提供。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="85"/>
        <source>This request was already decided.</source>
        <translation>该申请已审批过。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="88"/>
        <source>Nobody approves their own request.</source>
        <translation>不能审批自己提交的申请。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="98"/>
        <source>Refused.</source>
        <translation>已拒绝。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="100"/>
        <source>That did not work ({0}): {1}</source>
        <translation>操作未成功（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="103"/>
        <source>That did not work ({0}).</source>
        <translation>操作未成功（{0}）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="108"/>
        <source>That cannot be sent: {0}</source>
        <translation>无法提交：{0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="82"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="91"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="95"/>
        <source>Takes effect the next time Agent Desk starts.</source>
        <translation>下次启动 Agent Desk 时生效。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="100"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="196"/>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="102"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="197"/>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="104"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="198"/>
        <source>SLA reminders</source>
        <translation>SLA 提醒</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="108"/>
        <source>Remind me when a waiting customer passes the reply target, again shortly before the breach, and when it is breached.</source>
        <translation>等待中的客户超过回复目标时提醒我，即将超时前再次提醒，超时后也会提醒。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="122"/>
        <source>Set by your administrator</source>
        <translation>由管理员设置</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="90"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="131"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="195"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="205"/>
        <source>“{0}” is now set by your administrator and cannot be changed here.</source>
        <translation>“{0}”现由管理员设置，无法在此更改。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="208"/>
        <source>“{0}” has a value that cannot be saved.</source>
        <translation>“{0}”的值无法保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="211"/>
        <source>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</source>
        <translation>设置文件 {0} 已损坏，因此未被覆盖。请修复或删除该文件后再保存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="215"/>
        <source>The settings file {0} could not be written: {1}</source>
        <translation>无法写入设置文件 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="223"/>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="229"/>
        <source>Your choices are still here; nothing was lost.</source>
        <translation>您的选择仍然保留，没有丢失任何内容。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="47"/>
        <location filename="../agent_desk/ui/help_dialog.py" line="58"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="60"/>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="60"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="84"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="69"/>
        <source>Sign in to Agent Desk</source>
        <translation>登录 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="77"/>
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住我</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="82"/>
        <source>This computer has no secure keyring, so you will sign in each time.</source>
        <translation>此电脑无法安全保存登录信息，因此每次都需要登录。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="93"/>
        <location filename="../agent_desk/ui/sign_in.py" line="149"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="96"/>
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="104"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="73"/>
        <location filename="../agent_desk/ui/sign_in.py" line="105"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="71"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="75"/>
        <location filename="../agent_desk/ui/sign_in.py" line="106"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="126"/>
        <source>Enter the server, your username and your password.</source>
        <translation>请输入服务器、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="149"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="157"/>
        <location filename="../agent_desk/ui/sign_in.py" line="158"/>
        <source>The username or password is not right.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="159"/>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>尝试次数过多。请等待几分钟后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="161"/>
        <source>Cannot reach the server. Check the address and your network connection.</source>
        <translation>无法连接服务器。请检查地址和网络连接。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="163"/>
        <source>The server address must start with http:// or https://.</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="164"/>
        <source>This computer&apos;s cache belongs to another account.</source>
        <translation>此电脑上的缓存属于另一个账号。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="165"/>
        <source>The server failed. Try again in a moment.</source>
        <translation>服务器出错。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="167"/>
        <source>This version of Agent Desk does not match the server. Install the update.</source>
        <translation>此版本的 Agent Desk 与服务器不匹配。请安装更新。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="170"/>
        <source>Signing in did not work.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="172"/>
        <source>You can work offline from the cached data meanwhile.</source>
        <translation>在此期间，您可以使用缓存数据离线工作。</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="33"/>
        <location filename="../agent_desk/ui/window_commands.py" line="233"/>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="34"/>
        <location filename="../agent_desk/ui/window_commands.py" line="234"/>
        <source>Queue</source>
        <translation>队列</translation>
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
        <translation>接手会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="50"/>
        <source>Resolve the conversation</source>
        <translation>解决会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="59"/>
        <source>Snooze for 1 hour</source>
        <translation>稍后处理（1 小时）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="68"/>
        <source>Reopen the conversation</source>
        <translation>重新打开会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="76"/>
        <source>Write a reply</source>
        <translation>撰写回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="85"/>
        <source>Switch between reply and internal note</source>
        <translation>在回复和内部备注之间切换</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="94"/>
        <source>Show the original mail</source>
        <translation>查看原始邮件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="103"/>
        <source>Retry every failed message</source>
        <translation>重试所有发送失败的消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="111"/>
        <source>Take the next waiting conversation</source>
        <translation>接手下一个等待中的会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="119"/>
        <source>Next conversation in the list</source>
        <translation>列表中的下一个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="126"/>
        <source>Previous conversation in the list</source>
        <translation>列表中的上一个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="133"/>
        <source>Search the queue</source>
        <translation>搜索队列</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="141"/>
        <source>Clear the queue filters</source>
        <translation>清除队列筛选</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="147"/>
        <source>Search answers</source>
        <translation>搜索答案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="148"/>
        <location filename="../agent_desk/ui/window_commands.py" line="156"/>
        <location filename="../agent_desk/ui/window_commands.py" line="235"/>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="155"/>
        <source>Insert the selected answer into the reply</source>
        <translation>把选中的答案插入回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="167"/>
        <source>Show {0}</source>
        <translation>查看“{0}”</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="176"/>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="182"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="185"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="193"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="201"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="208"/>
        <source>Quit Agent Desk</source>
        <translation>退出 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="219"/>
        <source>Set me {0}</source>
        <translation>将状态设为“{0}”</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="241"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
</TS>
