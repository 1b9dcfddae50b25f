<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="101"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>輸入回覆…（Ctrl+Enter 傳送）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="103"/>
        <source>Internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="105"/>
        <location filename="../agent_desk/ui/conversation.py" line="121"/>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="121"/>
        <source>Add note</source>
        <translation>新增備註</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="140"/>
        <source>Pick a conversation from the queue</source>
        <translation>從佇列中選擇一則對話</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="143"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="145"/>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="46"/>
        <location filename="../agent_desk/ui/main_window.py" line="56"/>
        <source>No customer selected</source>
        <translation>未選取客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="60"/>
        <source>Stage: {0} · Tier: {1} · Lifetime value: {2} {3}</source>
        <translation>階段：{0} · 等級：{1} · 終身價值：{2} {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="66"/>
        <source>Identities:</source>
        <translation>身分識別：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="71"/>
        <source>Tags:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="72"/>
        <source>Agent note:</source>
        <translation>客服備註：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="74"/>
        <source>Orders (latest first):</source>
        <translation>訂單（最新在前）：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="84"/>
        <source>ETA {0}</source>
        <translation>預計送達 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="89"/>
        <source>Conversations:</source>
        <translation>對話：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="94"/>
        <source>Satisfaction: {0}</source>
        <translation>滿意度：{0}</translation>
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
        <translation>搜尋姓名、電話、電子郵件、訂單、內容…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="142"/>
        <source>Customer 360</source>
        <translation>客戶360檢視</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="145"/>
        <source>Knowledge</source>
        <translation>知識庫</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="147"/>
        <source>Suggested answers for the open conversation appear here, searchable offline, ready to insert.</source>
        <translation>目前對話的建議回答會顯示在這裡，可離線搜尋，隨時插入。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="152"/>
        <source>Actions</source>
        <translation>處理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="154"/>
        <source>Refunds, reships, coupons and cancellations within your authority for this customer appear here.</source>
        <translation>您權限範圍內可為此客戶辦理的退款、補寄、優惠券與取消操作會顯示在這裡。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="198"/>
        <source>Available</source>
        <translation>可接待</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="199"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="200"/>
        <source>Away</source>
        <translation>暫離</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="201"/>
        <location filename="../agent_desk/ui/main_window.py" line="237"/>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="210"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="211"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="212"/>
        <source>Team</source>
        <translation>團隊</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="213"/>
        <source>Shared with me</source>
        <translation>與我共享</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="214"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="223"/>
        <source>Load {0}/{1}</source>
        <translation>接待中 {0}/{1}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="235"/>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="236"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="238"/>
        <source>Signed out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="239"/>
        <source>Update required</source>
        <translation>需要更新</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="248"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} 則待傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="251"/>
        <source>Last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="286"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="287"/>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="288"/>
        <source>{0} · {1} · {2} · {3}</source>
        <translation>{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="305"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="310"/>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="326"/>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="330"/>
        <source>Presence</source>
        <translation>上線狀態</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="61"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="63"/>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="65"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="67"/>
        <source>internal note</source>
        <translation>內部備註</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="68"/>
        <source>reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="72"/>
        <source>queued</source>
        <translation>待傳送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="73"/>
        <source>failed — {0}</source>
        <translation>傳送失敗 — {0}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="89"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="90"/>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="91"/>
        <source>Last message</source>
        <translation>最新訊息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="92"/>
        <source>Waiting</source>
        <translation>等待時間</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="93"/>
        <source>Unread</source>
        <translation>未讀</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="94"/>
        <source>Assignee</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="131"/>
        <source>Unknown customer</source>
        <translation>未知客戶</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../agent_desk/app.py" line="51"/>
        <source>Sign in to Agent Desk</source>
        <translation>登入 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="62"/>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="63"/>
        <source>Username</source>
        <translation>帳號</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="64"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
</context>
</TS>
