<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Composer</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="101"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>输入回复…（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="103"/>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="105"/>
        <location filename="../agent_desk/ui/conversation.py" line="121"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="121"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="140"/>
        <source>Pick a conversation from the queue</source>
        <translation>从队列中选择一个会话</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="143"/>
        <source>Claim</source>
        <translation>接手</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="145"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="46"/>
        <location filename="../agent_desk/ui/main_window.py" line="56"/>
        <source>No customer selected</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="60"/>
        <source>Stage: {0} · Tier: {1} · Lifetime value: {2} {3}</source>
        <translation>阶段：{0} · 等级：{1} · 生命周期价值：{2} {3}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="66"/>
        <source>Identities:</source>
        <translation>身份标识：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="71"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="72"/>
        <source>Agent note:</source>
        <translation>客服备注：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="74"/>
        <source>Orders (latest first):</source>
        <translation>订单（最新在前）：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="84"/>
        <source>ETA {0}</source>
        <translation>预计送达 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="89"/>
        <source>Conversations:</source>
        <translation>会话：</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="94"/>
        <source>Satisfaction: {0}</source>
        <translation>满意度：{0}</translation>
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
        <translation>搜索姓名、电话、邮箱、订单、内容…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="142"/>
        <source>Customer 360</source>
        <translation>客户360视图</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="145"/>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="147"/>
        <source>Suggested answers for the open conversation appear here, searchable offline, ready to insert.</source>
        <translation>当前会话的推荐答案会显示在这里，可离线搜索，随时插入。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="152"/>
        <source>Actions</source>
        <translation>处理操作</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="154"/>
        <source>Refunds, reships, coupons and cancellations within your authority for this customer appear here.</source>
        <translation>您权限范围内可为该客户办理的退款、补发、优惠券和取消操作会显示在这里。</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="198"/>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="199"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="200"/>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="201"/>
        <location filename="../agent_desk/ui/main_window.py" line="237"/>
        <source>Offline</source>
        <translation>离线</translation>
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
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="213"/>
        <source>Shared with me</source>
        <translation>共享给我</translation>
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
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="236"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="238"/>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="239"/>
        <source>Update required</source>
        <translation>需要更新</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="248"/>
        <source>{0} waiting to be sent</source>
        <translation>{0} 条待发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="251"/>
        <source>Last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="286"/>
        <source>Customer</source>
        <translation>客户</translation>
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
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="326"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/main_window.py" line="330"/>
        <source>Presence</source>
        <translation>在线状态</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="61"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="63"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="65"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="67"/>
        <source>internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="68"/>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="72"/>
        <source>queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/conversation.py" line="73"/>
        <source>failed — {0}</source>
        <translation>发送失败 — {0}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="89"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="90"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="91"/>
        <source>Last message</source>
        <translation>最新消息</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="92"/>
        <source>Waiting</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="93"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="94"/>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../agent_desk/ui/queue_model.py" line="131"/>
        <source>Unknown customer</source>
        <translation>未知客户</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../agent_desk/app.py" line="51"/>
        <source>Sign in to Agent Desk</source>
        <translation>登录 Agent Desk</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="62"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="63"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../agent_desk/app.py" line="64"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
</TS>
