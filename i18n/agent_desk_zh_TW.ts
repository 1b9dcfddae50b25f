<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../agent_desk/ui/accessibility.py" line="23"/>
        <source>Search</source>
        <translation>搜尋</translation>
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
        <translation>恢復連線後執行</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="65"/>
        <source>sending…</source>
        <translation>傳送中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="66"/>
        <source>waiting for a supervisor</source>
        <translation>等待主管核准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="67"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="68"/>
        <source>denied</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="69"/>
        <source>failed</source>
        <translation>執行失敗</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="70"/>
        <source>refused by the server</source>
        <translation>被伺服器拒絕</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="93"/>
        <source>{1} of this kind on this order in {2} days; your limit is {0} per order</source>
        <translation>該訂單 {2} 天內已處理 {1}，您的每筆訂單上限為 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="97"/>
        <source>{1} of this kind for this customer in {2} days; your limit is {0} per customer</source>
        <translation>該客戶 {2} 天內已處理 {1}，您的每位客戶上限為 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="101"/>
        <source>{1} given to this customer in {2} days; your limit is {0} per customer</source>
        <translation>該客戶 {2} 天內已獲補償 {1}，您的補償總額上限為 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="105"/>
        <source>{1} of today&apos;s {0} used: more than is left of today&apos;s total</source>
        <translation>今日額度 {0} 已用 {1}：超出今日剩餘額度</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="108"/>
        <source>done {1} times on this order; you may do it {0} times per order</source>
        <translation>該訂單已處理 {1} 次；您每筆訂單最多可處理 {0} 次</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="111"/>
        <source>more than the {0} days you may give</source>
        <translation>超過您可給予的 {0} 天</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="121"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="143"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="872"/>
        <source>beyond your authority</source>
        <translation>超出您的權限</translation>
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
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="286"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="290"/>
        <source>Amount</source>
        <translation>金額</translation>
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
        <translation>換成</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="306"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="310"/>
        <source>Days</source>
        <translation>天數</translation>
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
        <translation>內部留檔備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="317"/>
        <source>Note for the record (optional)</source>
        <translation>備註（選填，僅內部存檔）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="352"/>
        <source>Choose what to do for this customer.</source>
        <translation>選擇要為該客戶執行的操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="360"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="364"/>
        <source>This customer&apos;s actions and compensation</source>
        <translation>該客戶的處理紀錄與補償</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="365"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="368"/>
        <source>Approval requests</source>
        <translation>待核准申請</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="372"/>
        <location filename="../agent_desk/ui/actions_panel.py" line="373"/>
        <source>Reason for your decision</source>
        <translation>核准理由</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="375"/>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="376"/>
        <source>Deny</source>
        <translation>駁回</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="438"/>
        <source>Open a conversation to act for its customer.</source>
        <translation>開啟一個對話，即可為其客戶處理。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="464"/>
        <source>What you can do for {0} ({1} customer)</source>
        <translation>您可以為 {0}（{1}客戶）做什麼</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="492"/>
        <source>Approved: {0} {1} ran, and the customer was told.</source>
        <translation>已核准：{0} {1} 已執行，並已通知客戶。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="494"/>
        <source>Denied: {0} {1}. The customer was told it was not approved.</source>
        <translation>已駁回：{0} {1}。已告知客戶未獲核准。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="575"/>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="577"/>
        <source>{0}: suggested for this case</source>
        <translation>{0}：建議用於此案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="580"/>
        <source>Suggested for this case</source>
        <translation>建議用於此案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="619"/>
        <source>The authority policy has not synced yet.</source>
        <translation>權限政策尚未同步。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="623"/>
        <source>Your role does not run actions.</source>
        <translation>您的角色不能執行處理操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="653"/>
        <source>Up to {0} per {1} for this {2} customer</source>
        <translation>該{2}客戶每筆{1}最多 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="654"/>
        <source>{0} of {1} left on this order ({2} days)</source>
        <translation>該訂單剩餘 {0}（上限 {1}，{2} 天內）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="655"/>
        <source>{0} of {1} left for this customer ({2} days)</source>
        <translation>該客戶剩餘 {0}（上限 {1}，{2} 天內）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="656"/>
        <source>{0} of {1} compensation left for this customer ({2} days)</source>
        <translation>該客戶補償額度剩餘 {0}（上限 {1}，{2} 天內）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="658"/>
        <source>{0} of {1} times left on this order</source>
        <translation>該訂單剩餘 {0} 次（共 {1} 次）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="720"/>
        <source>Choose a reason…</source>
        <translation>請選擇原因…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="771"/>
        <source>{0} (as ordered)</source>
        <translation>{0}（原訂單）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="776"/>
        <source>Send instead of {0}</source>
        <translation>替換 {0} 寄出</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="847"/>
        <source>Confirm: {0}</source>
        <translation>確認：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="850"/>
        <source>Choose the reason to confirm.</source>
        <translation>選擇原因後才能確認。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="863"/>
        <source>not possible for this order</source>
        <translation>該訂單無法執行此操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="923"/>
        <source>Sent for approval: tell the customer they will hear from you.</source>
        <translation>已提交審批：請告訴客戶我們會盡快答覆。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="933"/>
        <source>Resolution action</source>
        <translation>處理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="963"/>
        <source>Approval sent: it runs when the server has it.</source>
        <translation>已送出核准：伺服器收到後執行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="965"/>
        <source>Denial sent.</source>
        <translation>已送出駁回。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="969"/>
        <source>Approval</source>
        <translation>審批</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="642"/>
        <source>{0} needs a supervisor&apos;s approval for this {1} customer</source>
        <translation>該{1}客戶的{0}需主管核准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="648"/>
        <source>{0} without an amount limit for this {1} customer</source>
        <translation>該{1}客戶的{0}無金額上限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="657"/>
        <source>{0} of today&apos;s {1} left</source>
        <translation>今日額度 {1}，剩餘 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="90"/>
        <source>above your limit of {0} per action</source>
        <translation>超出單筆權限 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="114"/>
        <source>not within your authority for this customer</source>
        <translation>不在您對該客戶的權限內</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="117"/>
        <source>the amount is in another currency than the limits</source>
        <translation>金額幣別與權限幣別不同</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="860"/>
        <source>more than is left to refund on this order</source>
        <translation>超過該訂單剩餘可退金額</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="859"/>
        <source>your role does not run actions</source>
        <translation>您的角色不能執行處理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="326"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="329"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="866"/>
        <source>your limits have not synced yet</source>
        <translation>您的權限尚未同步</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="877"/>
        <source>Not possible here: {0}</source>
        <translation>無法執行：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="880"/>
        <source>Beyond your authority ({0}): a supervisor will be asked to approve.</source>
        <translation>超出您的權限（{0}）：將提交主管核准。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="883"/>
        <source>Within your authority: it runs as soon as you confirm.</source>
        <translation>在您的權限內：確認後立即執行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="886"/>
        <source>Effect: {0} {1} on order {2}</source>
        <translation>效果：訂單 {2} {0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="888"/>
        <source>Effect: {0} {1}</source>
        <translation>效果：{0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="901"/>
        <source>Left of today&apos;s total after this: {0}</source>
        <translation>執行後今日剩餘額度：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="905"/>
        <source>The customer will get:</source>
        <translation>客戶將收到：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="839"/>
        <source>Ask for approval</source>
        <translation>提交核准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="842"/>
        <source>Confirm: {0} {1}</source>
        <translation>確認：{0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/actions_panel.py" line="925"/>
        <source>Done: it runs now (or as soon as you are back online).</source>
        <translation>已送出：立即執行（離線時將在恢復連線後執行）。</translation>
    </message>
</context>
<context>
    <name>Attention</name>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="383"/>
        <location filename="../agent_desk/ui/attention.py" line="406"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="389"/>
        <source>New message from {0}</source>
        <translation>來自 {0} 的新訊息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="391"/>
        <source>New conversation from {0}</source>
        <translation>來自 {0} 的新對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="393"/>
        <source>Waiting too long: {0}</source>
        <translation>等待逾時：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="395"/>
        <source>Reply now: {0}</source>
        <translation>請立即回覆：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="396"/>
        <source>Reply due: {0}</source>
        <translation>該回覆了：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="405"/>
        <source>Conversations needing attention: {0}</source>
        <translation>需要關注的對話：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="443"/>
        <source>Agent Desk — unread: {0}</source>
        <translation>Agent Desk — 未讀：{0}</translation>
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
        <translation>顯示 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/attention.py" line="474"/>
        <source>Quit</source>
        <translation>結束</translation>
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
        <translation>插入建議的答案：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="75"/>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="77"/>
        <source>Suggested action: {0}</source>
        <translation>建議的操作：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case_bar.py" line="78"/>
        <source>Open {0} for this case in the Actions tab</source>
        <translation>在「處理操作」頁為此案開啟「{0}」</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../agent_desk/ui/case.py" line="132"/>
        <source>Customer</source>
        <translation>客戶</translation>
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
        <translation>標記為已讀</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="246"/>
        <source>Nobody is waiting. Well done.</source>
        <translation>沒有客戶在等待。做得好。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="259"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="268"/>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="271"/>
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="281"/>
        <source>Snooze</source>
        <translation>稍後處理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="287"/>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="307"/>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/case.py" line="320"/>
        <source>Agent note</source>
        <translation>客服備註</translation>
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
        <translation>輸入命令，或姓名、電話、電子郵件、主旨、訂單編號</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="178"/>
        <location filename="../agent_desk/ui/palette.py" line="182"/>
        <source>Command or search</source>
        <translation>命令或搜尋</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="186"/>
        <location filename="../agent_desk/ui/palette.py" line="188"/>
        <source>Results</source>
        <translation>結果</translation>
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
        <translation>對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="293"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="294"/>
        <source>Order</source>
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="300"/>
        <source>{0}: {1} · {2} (no conversation yet)</source>
        <translation>{0}：{1} · {2}（尚無對話）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/palette.py" line="302"/>
        <source>{0}: {1} (no conversation yet)</source>
        <translation>{0}：{1}（尚無對話）</translation>
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
        <translation>回覆或內部備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="544"/>
        <location filename="../agent_desk/ui/conversation.py" line="785"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>輸入回覆…（Ctrl+Enter 傳送）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="547"/>
        <source>Internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="548"/>
        <source>Only your colleagues see internal notes</source>
        <translation>內部備註僅同事可見</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="551"/>
        <location filename="../agent_desk/ui/conversation.py" line="597"/>
        <location filename="../agent_desk/ui/conversation.py" line="780"/>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="561"/>
        <source>Check the reply</source>
        <translation>核對回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="568"/>
        <source>Where the reply goes</source>
        <translation>回覆寄往何處</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="609"/>
        <source>Replying to {0} by email</source>
        <translation>透過電子郵件回覆 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="611"/>
        <source>Replying by email</source>
        <translation>透過電子郵件回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="704"/>
        <source>{0} is already past</source>
        <translation>{0} 已是過去的日期</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="706"/>
        <source>{0} is not an amount of this order</source>
        <translation>{0} 不是本訂單的金額</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="712"/>
        <source>Not sent yet: {0}. Send again to send it as it is.</source>
        <translation>尚未傳送：{0}。再次傳送將依原樣送出。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="715"/>
        <source>Check before sending: {0}</source>
        <translation>傳送前請核對：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="759"/>
        <source>Fill in before sending: {0}</source>
        <translation>傳送前請填寫：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="780"/>
        <source>Add note</source>
        <translation>新增備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="783"/>
        <source>Internal note for colleagues… (Ctrl+Enter adds it)</source>
        <translation>給同事的內部備註…（Ctrl+Enter 新增）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="795"/>
        <source>Not sent: fill in {0} first</source>
        <translation>未傳送：請先填寫 {0}</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="86"/>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="87"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="88"/>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="89"/>
        <source>Signed out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="90"/>
        <source>Update required</source>
        <translation>需要更新</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="98"/>
        <source>Technical detail: {0}</source>
        <translation>技術細節：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="105"/>
        <source>Last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="111"/>
        <source>the server cannot be reached</source>
        <translation>無法連線至伺服器</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="112"/>
        <source>the server is having trouble</source>
        <translation>伺服器發生問題</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="113"/>
        <source>the server sent an answer this version cannot read</source>
        <translation>伺服器傳回此版本無法解讀的回應</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="114"/>
        <source>your session has ended</source>
        <translation>登入已失效</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="115"/>
        <source>this version does not match the server</source>
        <translation>此版本與伺服器不相符</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="116"/>
        <source>connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="117"/>
        <source>the connection failed</source>
        <translation>連線失敗</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="121"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} 則待傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="126"/>
        <source>Nothing is waiting to be sent.</source>
        <translation>沒有待傳送的內容。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="128"/>
        <source>Waiting to be sent — {0}.</source>
        <translation>待傳送 — {0}。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="139"/>
        <source>Your session has ended. Sign in again to send and receive. {0}</source>
        <translation>登入已失效。請重新登入以收發訊息。{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="142"/>
        <source>Sign in again</source>
        <translation>重新登入</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="148"/>
        <source>This version of Agent Desk no longer matches the server. Install the update; nothing you queued is lost.</source>
        <translation>此版本的 Agent Desk 已與伺服器不相符。請安裝更新，待傳送的內容不會遺失。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="154"/>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="158"/>
        <source>Offline since {0} ({1}). You are seeing the data from {2}; you can keep working. {3}</source>
        <translation>自 {0} 起離線（{1}）。資料最後同步：{2}，您可以繼續工作。{3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="166"/>
        <source>Try now</source>
        <translation>立即重試</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="175"/>
        <source>conversations</source>
        <translation>對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="176"/>
        <source>messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="177"/>
        <source>customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="178"/>
        <source>orders</source>
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="183"/>
        <source>Loading your workspace: {0} records so far ({1}).</source>
        <translation>正在載入工作區：已載入 {0} 筆資料（{1}）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/connection.py" line="210"/>
        <source>The server refused {0} change(s). Latest: {1} — {2}</source>
        <translation>伺服器拒絕了 {0} 項變更。最近一項：{1} — {2}</translation>
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
        <translation>主旨</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="876"/>
        <source>Customer&apos;s email address</source>
        <translation>客戶的電子郵件地址</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="933"/>
        <source>Subject: {0}</source>
        <translation>主旨：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="933"/>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="938"/>
        <source>From: {0}</source>
        <translation>寄件者：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="940"/>
        <source>From: (no email address on file)</source>
        <translation>寄件者：（沒有記錄電子郵件地址）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="958"/>
        <source>Snoozed until {0}</source>
        <translation>稍後處理至 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="961"/>
        <source>Waiting {0} · {1}</source>
        <translation>已等待 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="970"/>
        <source>Nothing owed to the customer</source>
        <translation>暫無待回覆</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1008"/>
        <source>Pick a conversation from the queue</source>
        <translation>從佇列中選擇一則對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1012"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1015"/>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1018"/>
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1022"/>
        <source>Snooze</source>
        <translation>稍後處理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1028"/>
        <source>For 1 hour</source>
        <translation>1 小時</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1029"/>
        <source>For 4 hours</source>
        <translation>4 小時</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1030"/>
        <source>Until tomorrow 09:00</source>
        <translation>到明天 09:00</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1031"/>
        <source>For a week</source>
        <translation>1 週</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1047"/>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1140"/>
        <source>Retry sending</source>
        <translation>重新傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1143"/>
        <source>Copy the whole message</source>
        <translation>複製整則訊息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1147"/>
        <source>Open link</source>
        <translation>開啟連結</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1152"/>
        <source>Show original…</source>
        <translation>檢視原始郵件…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1158"/>
        <source>Save attachment</source>
        <translation>儲存附件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1163"/>
        <source>Open attachment</source>
        <translation>開啟附件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1175"/>
        <source>This attachment&apos;s address cannot be opened</source>
        <translation>此附件的位址無法開啟</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1199"/>
        <source>Save attachment…</source>
        <translation>儲存附件…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="1202"/>
        <source>Open attachment…</source>
        <translation>開啟附件…</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="184"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="185"/>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="186"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="187"/>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="248"/>
        <source>No customer selected</source>
        <translation>未選取客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="262"/>
        <source>A note about this customer for every agent…</source>
        <translation>關於此客戶的備註，所有客服皆可見…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="264"/>
        <source>Save note</source>
        <translation>儲存備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="261"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="294"/>
        <source>Agent note</source>
        <translation>客服備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="273"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="300"/>
        <source>Orders, latest first</source>
        <translation>訂單（最新在前）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="280"/>
        <location filename="../agent_desk/ui/customer_panel.py" line="302"/>
        <source>Conversations on every channel</source>
        <translation>所有管道的對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="418"/>
        <source>{0} · lifetime value {1}</source>
        <translation>{0} · 累計消費 {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="430"/>
        <source>Tags: {0}</source>
        <translation>標籤：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="436"/>
        <source>Satisfaction: {0} (average {1} of 5)</source>
        <translation>滿意度：{0}（平均 {1}/5）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="441"/>
        <source>No satisfaction ratings yet</source>
        <translation>尚無滿意度評分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="484"/>
        <source>Refund on order {0}</source>
        <translation>訂單 {0} 的退款</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="490"/>
        <source>in full</source>
        <translation>全額</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="490"/>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="525"/>
        <source>This note is longer than {0} characters: shown shortened, read-only.</source>
        <translation>備註超過 {0} 個字元：已截斷顯示，唯讀。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="474"/>
        <source>No refunds or compensation before</source>
        <translation>此前無退款或補償</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="506"/>
        <source>approved by {0}</source>
        <translation>{0} 核准</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="513"/>
        <source>Before: {0}</source>
        <translation>以往：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="529"/>
        <source>Only the agent assigned to one of this customer&apos;s conversations, or a supervisor, changes this note.</source>
        <translation>只有負責該客戶某個對話的客服人員或主管可以修改此備註。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="549"/>
        <source>A note can hold {0} characters; this one has {1}. Shorten it to save.</source>
        <translation>備註最多 {0} 個字元，目前有 {1} 個。請縮短後再儲存。</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="105"/>
        <source>no channel connection serves this channel (ask an admin)</source>
        <translation>沒有為此管道設定管道連線（請聯絡管理員）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="108"/>
        <source>the channel connection has no address for replies (ask an admin)</source>
        <translation>管道連線未設定回覆位址（請聯絡管理員）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="111"/>
        <source>the channel refused it ({0})</source>
        <translation>管道拒收（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="112"/>
        <source>the channel could not be reached ({0})</source>
        <translation>無法連線管道（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="113"/>
        <source>the channel could not deliver it ({0})</source>
        <translation>管道未能送達（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="116"/>
        <source>it could not be sent ({0})</source>
        <translation>無法送出（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="120"/>
        <source>no reason given</source>
        <translation>未說明原因</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../agent_desk/app.py" line="368"/>
        <source>The new language applies the next time Agent Desk starts.</source>
        <translation>新語言將在下次啟動 Agent Desk 時生效。</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="420"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="422"/>
        <source>{0} changes are not sent yet. They stay on this computer and are sent after you sign in again. Sign out anyway?</source>
        <translation>還有 {0} 項變更尚未傳送。這些變更會保留在這台電腦上，並在您重新登入後傳送。仍要登出嗎？</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="437"/>
        <source>You are signed out on this computer. The server could not be told, so that session ends at the server when it expires.</source>
        <translation>您已在這台電腦上登出。無法通知伺服器，該登入會在伺服器端到期後自動失效。</translation>
    </message>
</context>
<context>
    <name>KnowledgeController</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="246"/>
        <source>The answer you edited was left as you wrote it: check that it fits order {0}.</source>
        <translation>您改過的回覆已原樣保留：請確認它適用於訂單 {0}。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="270"/>
        <source>That is guidance for agents: it is never put into a reply to a customer.</source>
        <translation>這是給客服的內部指引，不會放進給客戶的回覆。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="307"/>
        <source>Answer feedback</source>
        <translation>答案回饋</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_controller.py" line="311"/>
        <source>Thank you: your rating helps everyone.</source>
        <translation>謝謝：您的評價對大家都有幫助。</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="62"/>
        <source>title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="63"/>
        <source>tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="64"/>
        <source>text</source>
        <translation>內文</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="66"/>
        <source>matches {0} ({1})</source>
        <translation>符合 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="70"/>
        <source>read “{0}” as “{1}”</source>
        <translation>將「{0}」理解為「{1}」</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="74"/>
        <source>about {0} ({1}% sure)</source>
        <translation>情境：{0}（把握 {1}%）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="83"/>
        <source>order {0} is {1}, customer says “{2}”</source>
        <translation>訂單 {0} {1}，客戶提到「{2}」</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="86"/>
        <source>order {0} is {1}</source>
        <translation>訂單 {0} {1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="90"/>
        <source>in the customer&apos;s language</source>
        <translation>與客戶語言一致</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="92"/>
        <source>helpful {0} times</source>
        <translation>{0} 次有幫助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="100"/>
        <source>For agents</source>
        <translation>僅供客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="152"/>
        <source>Guidance for agents, never sent to the customer</source>
        <translation>客服內部指引，不會傳給客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="297"/>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="425"/>
        <source>Suggested for what the customer just said</source>
        <translation>根據客戶剛才的話推薦</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="303"/>
        <source>Search answers</source>
        <translation>搜尋答案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="304"/>
        <source>Search answers (works offline)…</source>
        <translation>搜尋答案（離線可用）…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="312"/>
        <source>Suggested answers</source>
        <translation>推薦答案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="327"/>
        <source>Answer preview</source>
        <translation>答案預覽</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="330"/>
        <source>Pick an answer to read it in full.</source>
        <translation>選擇一個答案檢視全文。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="332"/>
        <source>Guidance for agents: read it, it is never put into a reply.</source>
        <translation>客服內部指引：供您閱讀參考，不會放進回覆。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="335"/>
        <source>Guidance for agents</source>
        <translation>客服內部指引</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="338"/>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="339"/>
        <source>Insert into reply</source>
        <translation>插入回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="393"/>
        <source>Guidance for agents: it is never put into a reply</source>
        <translation>客服內部指引：不會放進回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="395"/>
        <source>Puts the answer into the reply with this customer&apos;s details</source>
        <translation>把答案連同該客戶的資訊插入回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="342"/>
        <source>Helpful</source>
        <translation>有幫助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="343"/>
        <source>Not helpful</source>
        <translation>沒幫助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="408"/>
        <source>No answer matches yet. Search above, or wait for the customer.</source>
        <translation>暫無符合的答案。可在上方搜尋，或等待客戶的訊息。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="436"/>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/knowledge_panel.py" line="441"/>
        <source>… (the preview is shortened)</source>
        <translation>…（預覽已截斷）</translation>
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
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="30"/>
        <location filename="../agent_desk/ui/labels.py" line="106"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="31"/>
        <source>Social</source>
        <translation>社群媒體</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="32"/>
        <source>App</source>
        <translation>應用程式</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="39"/>
        <source>Open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="40"/>
        <source>Pending</source>
        <translation>待客戶回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="41"/>
        <source>Snoozed</source>
        <translation>稍後處理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="42"/>
        <source>Resolved</source>
        <translation>已解決</translation>
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
        <translation>緊急</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="59"/>
        <source>Standard</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="60"/>
        <source>Silver</source>
        <translation>白銀</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="61"/>
        <source>Gold</source>
        <translation>黃金</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="62"/>
        <source>Platinum</source>
        <translation>白金</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="69"/>
        <source>New customer</source>
        <translation>新客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="70"/>
        <source>Growing</source>
        <translation>成長期</translation>
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
        <translation>已出貨</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="83"/>
        <location filename="../agent_desk/ui/labels.py" line="97"/>
        <source>Delivered</source>
        <translation>已送達</translation>
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
        <translation>未出貨</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="94"/>
        <source>Label created</source>
        <translation>已建立託運單</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="95"/>
        <source>In transit</source>
        <translation>運送中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="96"/>
        <source>Out for delivery</source>
        <translation>配送中</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="98"/>
        <source>Delivery problem</source>
        <translation>物流異常</translation>
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
        <translation>應用程式帳號</translation>
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
        <translation>暫離</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="119"/>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="126"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="127"/>
        <source>Expert</source>
        <translation>專家</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="128"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="129"/>
        <source>Administrator</source>
        <translation>管理員</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="136"/>
        <source>Nothing owed</source>
        <translation>暫無待回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="137"/>
        <source>On target</source>
        <translation>未逾時</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="138"/>
        <source>At risk</source>
        <translation>即將逾時</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="139"/>
        <source>Breached</source>
        <translation>已逾時</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="158"/>
        <source>Reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="159"/>
        <source>Internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="160"/>
        <source>Delivery retry</source>
        <translation>重新投遞</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="161"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="162"/>
        <source>Assignment</source>
        <translation>指派</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="163"/>
        <source>Status change</source>
        <translation>狀態變更</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="164"/>
        <source>Snooze</source>
        <translation>稍後處理</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="165"/>
        <source>Priority change</source>
        <translation>優先順序變更</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="166"/>
        <source>Read mark</source>
        <translation>已讀標記</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="167"/>
        <source>Invitation</source>
        <translation>邀請協助</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="168"/>
        <source>Invitation withdrawn</source>
        <translation>撤回邀請</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="169"/>
        <source>Customer note</source>
        <translation>客戶備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="170"/>
        <source>Availability</source>
        <translation>接待狀態</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/labels.py" line="171"/>
        <source>Answer feedback</source>
        <translation>答案回饋</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../agent_desk/ui/links.py" line="85"/>
        <source>Open link?</source>
        <translation>開啟連結？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="87"/>
        <source>Write an email to {0}?</source>
        <translation>要寫電子郵件給 {0} 嗎？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="91"/>
        <source>Open a page on {0} in your browser?</source>
        <translation>要在瀏覽器中開啟 {0} 上的網頁嗎？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="95"/>
        <source>This attachment is stored elsewhere. The full address is:
{0}</source>
        <translation>此附件存放在其他網站。完整位址：
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="99"/>
        <source>A customer wrote this link. The full address is:
{0}</source>
        <translation>這是客戶傳來的連結。完整位址為：
{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/links.py" line="104"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="45"/>
        <source>{0} bytes</source>
        <translation>{0} 位元組</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="55"/>
        <source>Save this file from the customer?</source>
        <translation>要儲存客戶寄來的這個檔案嗎？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="57"/>
        <source>Name: {0}</source>
        <translation>名稱：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="58"/>
        <source>Type: {0} (what the server found in the file)</source>
        <translation>類型：{0}（伺服器在檔案中辨識出的類型）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="61"/>
        <source>Size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="63"/>
        <source>Agent Desk never opens files. Open it yourself only if you expected this file from this customer.</source>
        <translation>Agent Desk 從不開啟檔案。只有在你確實在等這位客戶寄來這個檔案時，才自行開啟它。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="72"/>
        <source>Warning: a file of this kind can run programs or scripts on your computer when it is opened. Do not open it unless your team lead says it is safe.</source>
        <translation>警告：這類檔案被開啟時可能會在你的電腦上執行程式或指令碼。除非組長確認安全，否則不要開啟。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="86"/>
        <source>Save attachment?</source>
        <translation>儲存附件？</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="89"/>
        <source>Save…</source>
        <translation>儲存…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="102"/>
        <source>Save attachment</source>
        <translation>儲存附件</translation>
    </message>
</context>
<context>
    <name>MailController</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="198"/>
        <location filename="../agent_desk/ui/mail.py" line="212"/>
        <source>Show original</source>
        <translation>檢視原始郵件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="225"/>
        <location filename="../agent_desk/ui/mail.py" line="239"/>
        <source>Save attachment</source>
        <translation>儲存附件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="235"/>
        <source>Downloading {0}…</source>
        <translation>正在下載 {0}…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="249"/>
        <source>The file could not be written there: {0}</source>
        <translation>無法將檔案寫入該位置：{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="256"/>
        <source>Saved {0} ({1}). Agent Desk does not open it.</source>
        <translation>已儲存 {0}（{1}）。Agent Desk 不會開啟它。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="268"/>
        <source>The original mail is kept on the server, which cannot be reached now. Try again when you are back online.</source>
        <translation>原始郵件存放在伺服器上，但現在無法連線伺服器。恢復連線後再試。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="272"/>
        <source>The file is kept on the server, which cannot be reached now. Try again when you are back online.</source>
        <translation>檔案存放在伺服器上，但現在無法連線伺服器。恢復連線後再試。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="277"/>
        <source>The original of this mail is not available to you.</source>
        <translation>你無法檢視這封郵件的原始內容。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="278"/>
        <source>This attachment is not available to you.</source>
        <translation>你無法取得這個附件。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="280"/>
        <source>Your session has ended. Sign in again, then try once more.</source>
        <translation>登入已失效。請重新登入後再試一次。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="293"/>
        <source>Something went wrong. The log has the details.</source>
        <translation>出了點問題。詳細資訊見日誌。</translation>
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
        <translation>客戶360檢視</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="169"/>
        <source>Knowledge</source>
        <translation>知識庫</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="170"/>
        <source>Actions</source>
        <translation>處理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="329"/>
        <source>Conversation</source>
        <translation>對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="329"/>
        <source>Send the reply or add the note</source>
        <translation>傳送回覆或新增備註</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="311"/>
        <source>… shortened: {0} more characters (right-click to copy the whole message)</source>
        <translation>…已截斷：還有 {0} 個字元（按右鍵可複製整則訊息）</translation>
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
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="228"/>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="230"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="231"/>
        <source>internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="242"/>
        <source>not delivered — {0}</source>
        <translation>未送達 — {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="246"/>
        <source>queued</source>
        <translation>待傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="249"/>
        <source>delivered</source>
        <translation>已送達</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="250"/>
        <source>read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="240"/>
        <source>failed — {0}</source>
        <translation>傳送失敗 — {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="247"/>
        <source>sending…</source>
        <translation>傳送中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="248"/>
        <source>sent</source>
        <translation>已傳送</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="99"/>
        <source>Order</source>
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="100"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="101"/>
        <source>Total</source>
        <translation>金額</translation>
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
        <translation>全額</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="117"/>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="127"/>
        <source>Refunded {0} of {1} paid</source>
        <translation>已退 {0}（實付 {1}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="132"/>
        <source>Last refund {0}</source>
        <translation>最近一次退款 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="159"/>
        <source>ETA {0}</source>
        <translation>預計送達 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/customer_panel.py" line="169"/>
        <source>Placed {0}</source>
        <translation>下單時間 {0}</translation>
    </message>
</context>
<context>
    <name>OriginalDialog</name>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="128"/>
        <source>Original mail</source>
        <translation>原始郵件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="132"/>
        <source>As received, {0}</source>
        <translation>收到時的原樣，{0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="134"/>
        <source>the mail had only HTML: shown here as text</source>
        <translation>這封郵件只有 HTML：這裡以純文字顯示</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/mail.py" line="138"/>
        <source>Original mail: headers, then the whole text</source>
        <translation>原始郵件：先是郵件標頭，然後是全文</translation>
    </message>
</context>
<context>
    <name>PresenceControl</name>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="29"/>
        <source>Open conversations assigned to you / your capacity</source>
        <translation>分配給您的進行中對話 / 您的接待上限</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="31"/>
        <location filename="../agent_desk/ui/presence.py" line="56"/>
        <source>Availability</source>
        <translation>接待狀態</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/presence.py" line="32"/>
        <source>Your availability for new conversations</source>
        <translation>您接待新對話的狀態</translation>
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
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="120"/>
        <source>Request</source>
        <translation>訴求</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="121"/>
        <source>Waiting</source>
        <translation>等待時間</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="122"/>
        <source>New</source>
        <translation>未讀</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="123"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="163"/>
        <source>{0} asks: {1}</source>
        <translation>{0} 的訴求：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="180"/>
        <source>A reply did not reach the customer: open it to retry</source>
        <translation>有回覆未送達客戶：開啟會話即可重試</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="185"/>
        <source>{0}

Last message: {1}</source>
        <translation>{0}

最新訊息：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="196"/>
        <source>Unassigned: click Claim to take it</source>
        <translation>未分配：按一下「接手」即可接下此對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="211"/>
        <source>Unknown customer</source>
        <translation>未知客戶</translation>
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
        <translation>未送達 · {0}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="308"/>
        <source>Search name, phone, email, order, text…</source>
        <translation>搜尋姓名、電話、電子郵件、訂單、內容…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="321"/>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="324"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="331"/>
        <source>Priority</source>
        <translation>優先順序</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="341"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="347"/>
        <source>Most urgent first</source>
        <translation>最緊急的在前</translation>
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
        <translation>優先順序最高的在前</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="345"/>
        <location filename="../agent_desk/ui/queue_panel.py" line="353"/>
        <source>Sort the queue</source>
        <translation>佇列排序</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="307"/>
        <source>Search conversations</source>
        <translation>搜尋對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="357"/>
        <source>Conversation queue</source>
        <translation>對話佇列</translation>
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
        <translation>團隊</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="431"/>
        <source>Shared with me</source>
        <translation>與我共享</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="432"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="521"/>
        <source>Filters ({0})</source>
        <translation>篩選（{0}）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_panel.py" line="521"/>
        <source>Filters</source>
        <translation>篩選</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="19"/>
        <source>Another agent has already claimed this conversation.</source>
        <translation>其他客服已接手此對話。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="22"/>
        <source>You are not allowed to do that here.</source>
        <translation>您無權在此執行此操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="23"/>
        <source>Not allowed for your role.</source>
        <translation>您的角色無權執行。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="24"/>
        <source>That conversation, order or request is no longer available to you.</source>
        <translation>該會話、訂單或申請已無法存取。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="27"/>
        <source>The message is too long to send.</source>
        <translation>訊息過長，無法傳送。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="28"/>
        <source>There is nothing to send: the message is empty.</source>
        <translation>沒有可傳送的內容：訊息為空。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="31"/>
        <source>The message contains a character that cannot be sent.</source>
        <translation>訊息中含有無法傳送的字元。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="34"/>
        <source>The reply still has a gap to fill in before it can go to the customer.</source>
        <translation>回覆中還有待填寫的內容，填好後才能傳給客戶。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="37"/>
        <source>Only a message that failed can be sent again.</source>
        <translation>只有傳送失敗的訊息才能重新傳送。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="40"/>
        <source>This change reached the server twice; the first one counts.</source>
        <translation>此變更已兩次到達伺服器，以第一次為準。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="43"/>
        <source>Something in the request does not fit this conversation or order.</source>
        <translation>請求中有內容與該會話或訂單不符。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="46"/>
        <source>The order&apos;s state no longer allows it.</source>
        <translation>訂單目前狀態已不允許此操作。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="50"/>
        <source>The order has less left to refund (it was refunded meanwhile).</source>
        <translation>訂單可退金額不足（期間已有退款）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="53"/>
        <source>This order cannot be refunded.</source>
        <translation>該訂單無法退款。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="56"/>
        <source>The order is cancelled or refunded in full: nothing more to do.</source>
        <translation>訂單已取消或已全額退款，無法再處理。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="59"/>
        <source>The order has not shipped (or came back).</source>
        <translation>訂單尚未出貨（或已退回）。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="62"/>
        <source>The order has already shipped.</source>
        <translation>訂單已出貨。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="63"/>
        <source>The order has not been delivered yet.</source>
        <translation>訂單尚未送達。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="66"/>
        <source>The order has been delivered already.</source>
        <translation>訂單已送達。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="69"/>
        <source>This order paid no shipping fee.</source>
        <translation>該訂單未支付運費。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="72"/>
        <source>This order&apos;s shipping fee was refunded already.</source>
        <translation>該訂單的運費已退過。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="75"/>
        <source>That is more than the order&apos;s shipping fee.</source>
        <translation>超過該訂單的運費。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="78"/>
        <source>The currency is not the order&apos;s.</source>
        <translation>幣別與訂單不一致。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="81"/>
        <source>Choose the order first.</source>
        <translation>請先選擇訂單。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="82"/>
        <source>This action is not offered any more.</source>
        <translation>該操作已不再提供。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="85"/>
        <source>This request was already decided.</source>
        <translation>該申請已審批過。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="88"/>
        <source>Nobody approves their own request.</source>
        <translation>不能審批自己提交的申請。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/refusals.py" line="98"/>
        <source>Refused.</source>
        <translation>已拒絕。</translation>
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
        <translation>無法送出：{0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="82"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="91"/>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="95"/>
        <source>Takes effect the next time Agent Desk starts.</source>
        <translation>下次啟動 Agent Desk 時生效。</translation>
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
        <translation>提示音效</translation>
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
        <translation>等待中的客戶超過回覆目標時提醒我，即將逾時前再次提醒，逾時後也會提醒。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="122"/>
        <source>Set by your administrator</source>
        <translation>由管理員設定</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="90"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="131"/>
        <location filename="../agent_desk/ui/settings_dialog.py" line="195"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="205"/>
        <source>“{0}” is now set by your administrator and cannot be changed here.</source>
        <translation>「{0}」現由管理員設定，無法在此變更。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="208"/>
        <source>“{0}” has a value that cannot be saved.</source>
        <translation>「{0}」的值無法儲存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="211"/>
        <source>The settings file {0} is damaged, so it was not overwritten. Fix or remove it, then save again.</source>
        <translation>設定檔 {0} 已損毀，因此未覆寫。請修復或刪除該檔案後再儲存。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="215"/>
        <source>The settings file {0} could not be written: {1}</source>
        <translation>無法寫入設定檔 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="223"/>
        <source>Settings not saved</source>
        <translation>設定未儲存</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/settings_dialog.py" line="229"/>
        <source>Your choices are still here; nothing was lost.</source>
        <translation>您的選擇仍然保留，沒有遺失任何內容。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="47"/>
        <location filename="../agent_desk/ui/help_dialog.py" line="58"/>
        <source>Keyboard shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="60"/>
        <source>What it does</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="60"/>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/help_dialog.py" line="84"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="69"/>
        <source>Sign in to Agent Desk</source>
        <translation>登入 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="77"/>
        <source>Remember me on this computer</source>
        <translation>在這台電腦上記住我</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="82"/>
        <source>This computer has no secure keyring, so you will sign in each time.</source>
        <translation>這台電腦無法安全儲存登入資訊，因此每次都需要登入。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="93"/>
        <location filename="../agent_desk/ui/sign_in.py" line="149"/>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="96"/>
        <source>Work offline</source>
        <translation>離線工作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="104"/>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="73"/>
        <location filename="../agent_desk/ui/sign_in.py" line="105"/>
        <source>Username</source>
        <translation>帳號</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="71"/>
        <source>Server address</source>
        <translation>伺服器位址</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="75"/>
        <location filename="../agent_desk/ui/sign_in.py" line="106"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="126"/>
        <source>Enter the server, your username and your password.</source>
        <translation>請輸入伺服器、帳號和密碼。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="149"/>
        <source>Signing in…</source>
        <translation>正在登入…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="157"/>
        <location filename="../agent_desk/ui/sign_in.py" line="158"/>
        <source>The username or password is not right.</source>
        <translation>帳號或密碼錯誤。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="159"/>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>嘗試次數過多。請等候幾分鐘後再試。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="161"/>
        <source>Cannot reach the server. Check the address and your network connection.</source>
        <translation>無法連線至伺服器。請檢查位址和網路連線。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="163"/>
        <source>The server address must start with http:// or https://.</source>
        <translation>伺服器位址必須以 http:// 或 https:// 開頭。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="164"/>
        <source>This computer&apos;s cache belongs to another account.</source>
        <translation>這台電腦上的快取屬於另一個帳號。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="165"/>
        <source>The server failed. Try again in a moment.</source>
        <translation>伺服器發生錯誤。請稍後再試。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="167"/>
        <source>This version of Agent Desk does not match the server. Install the update.</source>
        <translation>此版本的 Agent Desk 與伺服器不相符。請安裝更新。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="170"/>
        <source>Signing in did not work.</source>
        <translation>登入失敗。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/sign_in.py" line="172"/>
        <source>You can work offline from the cached data meanwhile.</source>
        <translation>在此期間，您可以使用快取資料離線工作。</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="33"/>
        <location filename="../agent_desk/ui/window_commands.py" line="233"/>
        <source>Conversation</source>
        <translation>對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="34"/>
        <location filename="../agent_desk/ui/window_commands.py" line="234"/>
        <source>Queue</source>
        <translation>佇列</translation>
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
        <translation>接手對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="50"/>
        <source>Resolve the conversation</source>
        <translation>解決對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="59"/>
        <source>Snooze for 1 hour</source>
        <translation>稍後處理（1 小時）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="68"/>
        <source>Reopen the conversation</source>
        <translation>重新開啟對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="76"/>
        <source>Write a reply</source>
        <translation>撰寫回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="85"/>
        <source>Switch between reply and internal note</source>
        <translation>在回覆與內部備註之間切換</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="94"/>
        <source>Show the original mail</source>
        <translation>檢視原始郵件</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="103"/>
        <source>Retry every failed message</source>
        <translation>重試所有傳送失敗的訊息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="111"/>
        <source>Take the next waiting conversation</source>
        <translation>接手下一則等待中的對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="119"/>
        <source>Next conversation in the list</source>
        <translation>清單中的下一則對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="126"/>
        <source>Previous conversation in the list</source>
        <translation>清單中的上一則對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="133"/>
        <source>Search the queue</source>
        <translation>搜尋佇列</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="141"/>
        <source>Clear the queue filters</source>
        <translation>清除佇列篩選</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="147"/>
        <source>Search answers</source>
        <translation>搜尋答案</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="148"/>
        <location filename="../agent_desk/ui/window_commands.py" line="156"/>
        <location filename="../agent_desk/ui/window_commands.py" line="235"/>
        <source>Knowledge</source>
        <translation>知識庫</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="155"/>
        <source>Insert the selected answer into the reply</source>
        <translation>把選取的答案插入回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="167"/>
        <source>Show {0}</source>
        <translation>檢視「{0}」</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="176"/>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="182"/>
        <source>Keyboard shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="185"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="193"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="201"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="208"/>
        <source>Quit Agent Desk</source>
        <translation>結束 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="219"/>
        <source>Set me {0}</source>
        <translation>將狀態設為「{0}」</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/window_commands.py" line="241"/>
        <source>Help</source>
        <translation>說明</translation>
    </message>
</context>
</TS>
