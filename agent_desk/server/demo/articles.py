# ruff: noqa: E501
"""Knowledge articles of the demo shop: one topic per entry, written in Chinese and English.

Most bodies are answers agents put into replies (``audience`` "customer"); some are guidance
written to agents, about what to do and what to tell the customer (``audience`` "internal"): the
desk shows those to the agent and never puts them into a reply. Bodies may use the placeholders
{customer_name}, {order_no}, {carrier}, {tracking_no}, {eta} and {refund_amount}, which the client
fills from the conversation's context.
"""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    scenario: str
    tags: tuple[str, ...]
    zh_title: str
    zh_body: str
    en_title: str
    en_body: str
    audience: str = "customer"  # or "internal": guidance for agents, never sent to a customer


INTERNAL = "internal"


SCENARIO_LABELS = {
    "where_is_my_parcel": "包裹在哪 · Where is my parcel",
    "delivery_delay": "配送延误 · Delivery delay",
    "cancel_order": "取消订单 · Cancel an order",
    "address_change": "修改地址 · Address change",
    "payment_failed": "支付失败 · Payment failed",
    "size_advice": "尺码建议 · Size advice",
    "product_question": "商品咨询 · Product question",
    "coupon_promotion": "优惠券与活动 · Coupons and promotions",
    "damaged_item": "商品破损 · Damaged item",
    "return_exchange": "退换货 · Returns and exchanges",
    "refund_status": "退款进度 · Refund status",
    "invoice": "发票 · Invoice",
    "account_login": "账号登录 · Account and login",
    "warranty_repair": "保修维修 · Warranty and repair",
}

TOPICS: tuple[Topic, ...] = (
    # ---------------------------------------------------------------- where_is_my_parcel
    Topic(
        "where_is_my_parcel",
        ("物流", "logistics", "签收"),
        "包裹显示已签收但没收到怎么办",
        "{customer_name}您好，订单 {order_no} 在{carrier}系统里显示已签收，但您没有收到，给您添麻烦了。"
        "请先看看门口、快递柜、小区驿站或前台是否代收，也可以问问家人同事。"
        "如果都没有，我们会立即联系{carrier}调取签收记录和派件员定位，一般 24 小时内给您答复。"
        "确认未送达的，我们会为您补发或全额退款，您不需要承担任何费用。",
        "Parcel marked delivered but not received",
        "Hi {customer_name}, I'm sorry that order {order_no} shows as delivered but isn't with "
        "you. Please check around your door, mailroom, reception or with neighbours first, as "
        "couriers sometimes leave parcels there. If it's not there, we'll open an investigation "
        "with {carrier} using tracking number {tracking_no} and request the driver's GPS proof "
        "of delivery. We'll update you within 24 hours, and if the parcel can't be found we'll "
        "reship or refund in full.",
    ),
    Topic(
        "where_is_my_parcel",
        ("物流", "logistics", "催件"),
        "物流信息超过 48 小时未更新的处理方法",
        "物流 48 小时没有更新，多数情况是包裹在中转站排队或干线运输途中，扫描会在到达下一站时恢复。"
        "请先在{carrier}官网输入单号 {tracking_no} 确认最新状态。"
        "如果超过 72 小时仍无更新，客服可在快递后台提交催件工单，并在备注里记录工单号。"
        "回复客户时告知预计送达时间 {eta}，并承诺到期未送达会主动跟进。",
        "Tracking not updated for more than 48 hours",
        "A gap of up to 48 hours between scans is normal while a parcel travels between hubs; "
        "tracking resumes when it's scanned at the next facility. Check tracking {tracking_no} "
        "on the {carrier} site first. If there has been no scan for more than 72 hours, open a "
        "trace with the carrier and note the trace number on the conversation. Let the "
        "customer know the current estimate ({eta}) and that we'll follow up if it slips.",
        INTERNAL,
    ),
    Topic(
        "where_is_my_parcel",
        ("物流", "logistics", "查询"),
        "如何查询订单的实时物流",
        "您可以在“我的订单”中找到订单 {order_no}，点击“查看物流”即可看到每一个节点。"
        "也可以直接在{carrier}官网或小程序输入运单号 {tracking_no} 查询。"
        "发货后物流信息通常在 6-12 小时内开始显示，刚发货时查不到属于正常现象。"
        "开启消息通知后，派件前会收到提醒。",
        "How to track your order in real time",
        "Open My orders, choose order {order_no} and tap Track package to see every scan. You "
        "can also enter tracking number {tracking_no} directly on the {carrier} website. "
        "Tracking usually appears 6–12 hours after the label is created, so an empty page right "
        "after dispatch is normal. Turn on notifications to get an alert when the parcel is out "
        "for delivery.",
    ),
    Topic(
        "where_is_my_parcel",
        ("发货", "dispatch", "时效"),
        "下单后多久发货？发货时效说明",
        "现货商品当天 16:00 前付款的当天发出，16:00 以后付款的次日发出。"
        "预售商品以商品页标注的发货时间为准。"
        "大促期间订单量大，发货时间可能延长 1-3 天，页面会有提示。"
        "如果订单 {order_no} 超过承诺时间未发货，可以联系客服为您催促仓库或申请补偿。",
        "When will my order ship? Dispatch times explained",
        "In-stock items paid before 2 pm ship the same business day; later orders ship the next "
        "business day. Pre-order items ship on the date shown on the product page. During big "
        "sales, dispatch can take 1–3 extra days and we show a banner when that happens. If "
        "order {order_no} misses its dispatch date, contact us and we'll chase the warehouse.",
    ),
    Topic(
        "where_is_my_parcel",
        ("驿站", "pickup", "快递柜"),
        "包裹被放在驿站或快递柜怎么取",
        "如果物流显示“已放入快递柜/驿站”，{carrier}会给收件手机号发送取件码。"
        "没有收到短信的话，可以凭运单号 {tracking_no} 和收件人手机号到驿站取件。"
        "快递柜一般免费保管 18-24 小时，超时可能收取少量保管费。"
        "如果您不希望放入驿站，可在订单备注或联系客服要求送货上门。",
        "Parcel left at a pickup point or locker",
        "If tracking says your parcel was left at a pickup point or locker, {carrier} sends a "
        "pickup code to the phone number on the order. No code? Bring tracking number "
        "{tracking_no} and photo ID to the pickup point. Lockers usually hold parcels for a few "
        "days before returning them, so collect it soon. Tell us if you'd rather have future "
        "orders delivered to your door.",
    ),
    Topic(
        "where_is_my_parcel",
        ("快递员", "courier", "派送"),
        "快递员联系不上或派送未成功怎么办",
        "派送未成功一般是因为电话未接通或地址无法进入，快递员会在当天或次日再次派送。"
        "您可以在物流详情里找到派件员电话，也可以告诉我们方便收货的时间。"
        "我们会联系{carrier}网点备注再派时间，预计 {eta} 前送达。"
        "连续三次派送失败的包裹会退回仓库，退回后我们会联系您重新发货或退款。",
        "Courier can't be reached or missed the delivery",
        "A missed delivery is usually retried the same or next business day. The courier's "
        "contact details are in the tracking page, or you can tell us a time that suits you and "
        "we'll pass it to {carrier}. The current estimate is {eta}. After three failed attempts "
        "the parcel returns to our warehouse, and we'll then reship or refund, as you prefer.",
    ),
    Topic(
        "where_is_my_parcel",
        ("物流", "tracking", "运输中"),
        "包裹运输中：物流进度与预计送达时间",
        "{customer_name}您好，帮您查到了：订单 {order_no} 已由{carrier}发出，运单号 {tracking_no}，"
        "目前正在运输途中，预计 {eta} 前送达。"
        "包裹在中转站之间运输时，物流信息有时会 1-2 天不更新，这是正常现象，到达下一站扫描后就会恢复。"
        "您可以在“我的订单”或{carrier}官网用运单号随时查看最新进度。"
        "如果到时还没有收到，直接回复这条消息，我们马上为您跟进。",
        "Parcel in transit: tracking and estimated delivery",
        "Hi {customer_name}, I've checked for you: order {order_no} is on its way with {carrier}, "
        "tracking number {tracking_no}, and should arrive by {eta}. While a parcel travels "
        "between hubs, tracking can go a day or two without a new scan; that's normal, and it "
        "updates at the next facility. You can follow it any time under My orders or on the "
        "{carrier} website. If it hasn't arrived by then, just reply here and we'll chase it "
        "right away.",
    ),
    # ---------------------------------------------------------------- delivery_delay
    Topic(
        "delivery_delay",
        ("物流异常", "exception", "logistics"),
        "物流显示“运输异常”是什么意思",
        "“运输异常”表示包裹在运输中遇到了问题，常见原因有面单破损、地址不详、天气或交通管制。"
        "大多数异常会在 1-2 天内由{carrier}自行处理，包裹会继续派送。"
        "客服可在快递后台查看异常原因，并为订单 {order_no} 提交加急处理。"
        "如异常超过 3 天未恢复，按丢件流程为客户补发或退款。",
        'What "delivery exception" means',
        "A delivery exception means something interrupted the parcel's journey: a damaged "
        "label, an incomplete address, bad weather or a customs check. Most exceptions are "
        "cleared by {carrier} within 1–2 days and the parcel continues on its way. We can see "
        "the exact reason for tracking {tracking_no} and ask the carrier to prioritise it. If it "
        "isn't resolved within 3 days, we treat it as lost and reship or refund.",
        INTERNAL,
    ),
    Topic(
        "delivery_delay",
        ("延误", "weather", "holiday"),
        "恶劣天气和节假日导致的延误说明",
        "受暴雨、大雪或节假日停运影响，部分地区快递可能延误 2-5 天。"
        "这类延误属于不可抗力，快递恢复后会按顺序派送，无需重新下单。"
        "回复时请向客户说明原因并致歉，告知最新预计送达时间 {eta}。"
        "对于时效要求高的客户，可以推荐取消后改用顺丰等直营快递重新发货。",
        "Delays caused by weather and public holidays",
        "Storms, snow and public holidays can delay deliveries in some regions by 2–5 days. "
        "Parcels are not lost; they're delivered in order once services resume, so there's no "
        "need to reorder. Apologise, explain the cause and share the latest estimate ({eta}). "
        "If the delivery date really matters, offer to reship with an express service once the "
        "original parcel is returned.",
        INTERNAL,
    ),
    Topic(
        "delivery_delay",
        ("补偿", "compensation", "时效"),
        "超过承诺时效未送达的补偿标准",
        "订单超过承诺送达时间 24 小时未送达的，可为客户发放 10 元无门槛券；超过 72 小时的发放 20 元券。"
        "VIP 客户可以升级为同等金额的余额补偿。"
        "补偿只需发放一次，请在客户备注中写明已补偿的金额和原因。"
        "若客户选择退款，则不再叠加优惠券补偿。",
        "Compensation when delivery misses the promised date",
        "If an order arrives more than 24 hours after the promised date, offer a $5 credit; "
        "more than 72 hours late, a $10 credit. VIP customers may receive the credit as a refund "
        "to their payment method instead. Compensate once per order and record the amount in "
        "the customer note. If the customer chooses a refund instead, no credit is added on "
        "top.",
        INTERNAL,
    ),
    Topic(
        "delivery_delay",
        ("丢件", "lost", "补发"),
        "包裹疑似丢件的理赔与补发流程",
        "物流超过 5 天无更新或{carrier}确认丢件时，先向快递公司发起理赔。"
        "客户不需要等待理赔结果，我们直接为订单 {order_no} 补发或退款 {refund_amount}。"
        "补发订单会生成新的运单号，请将新单号告知客户。"
        "如果原包裹后来又送到了，请客户联系我们安排退回或补款。",
        "Lost parcel: claim and reshipment process",
        "When tracking has been silent for 5 days or {carrier} confirms the parcel is lost, "
        "file a claim with the carrier. The customer never waits for the claim: we reship order "
        "{order_no} right away or refund {refund_amount}. A reshipment gets a new tracking "
        "number, so send it to the customer. If the original parcel turns up later, ask the "
        "customer to contact us so we can arrange a return.",
        INTERNAL,
    ),
    Topic(
        "delivery_delay",
        ("偏远地区", "remote", "时效"),
        "偏远地区配送时效说明",
        "新疆、西藏、青海、内蒙古等偏远地区，普通快递一般需要 5-10 天送达。"
        "部分乡镇地址需要到乡镇网点自提，快递员会电话通知。"
        "下单前可以在商品页输入地址查看预计送达时间。"
        "如订单 {order_no} 超过 10 天未送达，请联系客服为您查询。",
        "Delivery times to remote areas",
        "Deliveries to remote or rural areas, such as Alaska, Hawaii, parts of the Australian "
        "outback or outlying islands, usually take 5–10 business days. Some addresses are "
        "served from a local depot where you collect the parcel. Enter your postcode on the "
        "product page to see an estimate before ordering. If order {order_no} takes longer than "
        "10 business days, contact us and we'll trace it.",
    ),
    Topic(
        "delivery_delay",
        ("话术", "template", "大促"),
        "大促期间物流延迟安抚话术",
        "{customer_name}您好，非常抱歉让您久等了！"
        "大促期间快递量是平时的好几倍，您的包裹目前在{carrier}转运途中，单号 {tracking_no}。"
        "我们已经帮您催促加急，预计 {eta} 前送达。"
        "如果到时还没有收到，您直接回复这条消息，我们第一时间为您处理。",
        "Reply template: peak-season shipping delays",
        "Hi {customer_name}, thank you for your patience, and I'm sorry for the wait! Carriers "
        "are handling several times their usual volume this week, and your parcel is on its way "
        "with {carrier} (tracking {tracking_no}). I've asked them to prioritise it, and the "
        "current estimate is {eta}. If it hasn't arrived by then, just reply here and I'll sort "
        "it out right away.",
    ),
    Topic(
        "delivery_delay",
        ("延误", "delay", "话术"),
        "配送延误致歉与最新预计送达时间",
        "{customer_name}您好，非常抱歉，订单 {order_no} 的包裹在{carrier}运输途中出现了延误，让您久等了。"
        "包裹没有丢失，运单号 {tracking_no}，我们已经请{carrier}优先处理，最新预计 {eta} 前送达。"
        "如果到时仍未送达，我们会为您补发或退款，您直接回复这条消息就好。",
        "Reply template: delivery running late",
        "Hi {customer_name}, I'm sorry your parcel for order {order_no} has been delayed on its "
        "way with {carrier}. It isn't lost: tracking number {tracking_no} is still moving, "
        "we've asked {carrier} to prioritise it, and the latest estimate is {eta}. If it hasn't "
        "arrived by then, we'll reship or refund, whichever you prefer; just reply here.",
    ),
    # ---------------------------------------------------------------- cancel_order
    Topic(
        "cancel_order",
        ("取消", "cancel", "订单"),
        "未发货订单如何取消",
        "订单未发货时，您可以在“我的订单”里点击“取消订单”，系统会立即处理并原路退款。"
        "如果按钮是灰色的，说明仓库已经开始打包，请联系客服帮您拦截。"
        "取消成功后订单 {order_no} 使用的优惠券会自动退回账户（未过期的情况下）。",
        "Cancelling an order that hasn't shipped",
        "If your order hasn't shipped, open My orders and tap Cancel order; the refund starts "
        "immediately. If the button is greyed out, the warehouse has already started packing, "
        "so contact us and we'll try to stop it. Any coupon used on {order_no} returns to your "
        "account as long as it hasn't expired.",
    ),
    Topic(
        "cancel_order",
        ("拦截", "intercept", "拒收"),
        "已发货订单还能取消吗（拦截与拒收）",
        "订单已经发货的，无法直接取消，但可以尝试两种方式："
        "一是由客服联系{carrier}拦截包裹退回，成功率较高但不保证；"
        "二是您在快递员派送时直接拒收，包裹会自动退回仓库。"
        "仓库签收退回的包裹后 48 小时内为您退款 {refund_amount}。",
        "Cancelling after dispatch: intercept or refuse delivery",
        "Once an order has shipped it can't be cancelled directly, but there are two options. "
        "We can ask {carrier} to intercept the parcel and send it back, which usually works but "
        "isn't guaranteed. Or you can refuse the delivery when the courier arrives, and it will "
        "come back to us automatically. Either way, we refund {refund_amount} within 48 hours "
        "of the parcel reaching our warehouse.",
    ),
    Topic(
        "cancel_order",
        ("退款", "refund", "取消"),
        "取消订单后退款多久到账",
        "取消订单后退款会原路返回：支付宝和微信一般实时到账，最晚不超过 24 小时；"
        "银行卡 1-5 个工作日，信用卡以发卡行入账时间为准。"
        "订单 {order_no} 的退款金额为 {refund_amount}，您可以在订单详情里查看退款进度。",
        "How long a refund takes after cancellation",
        "Refunds for cancelled orders go back to the original payment method. PayPal is "
        "usually instant; debit and credit cards take 3–5 business days depending on your bank. "
        "The refund for order {order_no} is {refund_amount}, and you can follow its progress on "
        "the order details page.",
    ),
    Topic(
        "cancel_order",
        ("预售", "pre-order", "定金"),
        "预售订单取消与定金规则",
        "预售商品支付定金后，如因个人原因取消，定金不予退还；如因商家原因无法按时发货，定金全额退还。"
        "尾款支付后未发货的订单可以正常取消，尾款原路退回。"
        "请在回复客户前确认订单是否在尾款阶段，避免承诺错误。",
        "Cancelling pre-orders and deposits",
        "Pre-order deposits are non-refundable if the customer cancels for personal reasons, "
        "but are refunded in full if we can't ship on the promised date. Once the balance is "
        "paid and the item hasn't shipped, the order can be cancelled normally and everything is "
        "refunded. Check which stage the order is in before promising a refund.",
        INTERNAL,
    ),
    Topic(
        "cancel_order",
        ("话术", "template", "打包中"),
        "取消订单话术：仓库已打包",
        "{customer_name}您好，订单 {order_no} 目前仓库已经在打包，系统无法直接取消。"
        "我已经帮您提交了拦截申请，一般 30 分钟内会有结果。"
        "如果拦截不成功，包裹发出后您可以拒收，退回后我们会退款 {refund_amount}。"
        "给您带来不便非常抱歉。",
        "Reply template: order already being packed",
        "Hi {customer_name}, order {order_no} is already being packed, so it can't be cancelled "
        "automatically. I've asked the warehouse to pull it and will know within about 30 "
        "minutes whether that worked. If it ships anyway, simply refuse the delivery and we'll "
        "refund {refund_amount} once it's back with us. Sorry for the hassle!",
    ),
    Topic(
        "cancel_order",
        ("未付款", "unpaid", "自动关闭"),
        "未付款订单自动关闭规则",
        "下单后 30 分钟内未付款的订单会自动关闭，库存释放给其他顾客。"
        "订单关闭后无法恢复，如需购买请重新下单。"
        "使用的优惠券会退回账户，但已过期的券无法退回。",
        "Unpaid orders close automatically",
        "Orders that aren't paid within 30 minutes close automatically and the stock is "
        "released. A closed order can't be reopened, so simply place a new one. Coupons used on "
        "the closed order go back to your account unless they have expired.",
    ),
    # ---------------------------------------------------------------- address_change
    Topic(
        "address_change",
        ("地址", "address", "修改"),
        "未发货订单如何修改收货地址",
        "订单未发货时，可以在订单详情页点击“修改地址”，每个订单可修改一次。"
        "如果页面无法修改，请联系客服，我们会在仓库打包前为您更新。"
        "修改成功后请核对新地址、收件人和电话是否正确。",
        "Changing the address before dispatch",
        "While an order hasn't shipped, you can change the address once from the order details "
        "page. If the option isn't available, contact us and we'll update it before the "
        "warehouse prints the label. Double-check the new address, name and phone number after "
        "the change.",
    ),
    Topic(
        "address_change",
        ("改派", "redirect", "物流"),
        "已发货包裹如何改派",
        "包裹已发出的，需要由客服联系{carrier}申请改派，单号 {tracking_no}。"
        "同城改派一般免费，跨城改派可能产生额外运费，由我们先行承担。"
        "改派通常会让送达时间延后 1-2 天，预计 {eta} 送达。"
        "派件员已出发的包裹无法改派，可以与派件员沟通或拒收后重新发货。",
        "Redirecting a parcel that has already shipped",
        "Once a parcel has shipped, we ask {carrier} to redirect it using tracking {tracking_no}. "
        "Redirects within the same city are free; if the carrier charges for a longer redirect, "
        "we cover it. A redirect usually adds 1–2 days, so the new estimate is {eta}. Parcels "
        "already out for delivery can't be redirected — the customer can talk to the driver or "
        "refuse delivery so we can reship.",
        INTERNAL,
    ),
    Topic(
        "address_change",
        ("收件人", "recipient", "电话"),
        "修改收货人姓名或联系电话",
        "收货人和电话可以在发货前自助修改。"
        "已发货的订单，我们可以通知{carrier}更新联系电话，但面单上的姓名无法更改。"
        "如果由他人代收，请提前告知快递员或在驿站报取件码取件。",
        "Changing the recipient name or phone number",
        "You can change the recipient and phone number yourself until the order ships. After "
        "that we can ask {carrier} to update the phone number, but the name on the label stays "
        "the same. If someone else will receive the parcel, let the courier know or share the "
        "pickup code with them.",
    ),
    Topic(
        "address_change",
        ("地址不全", "failed delivery", "地址"),
        "地址不完整导致派送失败怎么办",
        "派送失败并提示“地址不详”时，请尽快补充楼栋、单元、门牌号。"
        "客服收到完整地址后会在{carrier}后台更新并申请再次派送。"
        "超过 3 天未补充地址的包裹会被退回，退回后可重新发货。",
        "Failed delivery because of an incomplete address",
        "If delivery failed because the address was incomplete, send us the missing apartment, "
        "unit or building number as soon as possible. We'll update it with {carrier} and request "
        "another delivery attempt. Parcels not updated within 3 days are returned to us, and we "
        "can reship from there.",
    ),
    Topic(
        "address_change",
        ("公司", "office", "学校"),
        "寄往公司或学校地址的注意事项",
        "寄往写字楼或学校时，请写清楼层、公司名称或宿舍楼号，并保持手机畅通。"
        "很多园区不允许快递员进入，包裹可能会放在前台或快递站。"
        "周末公司无人时建议改为家庭地址，避免派送失败。",
        "Shipping to an office or campus",
        "When shipping to an office or campus, include the floor, company name or dorm building "
        "and keep your phone on. Many buildings don't let couriers in, so the parcel may be left "
        "at reception or a campus mailroom. If nobody is at the office over the weekend, "
        "consider using your home address instead.",
    ),
    Topic(
        "address_change",
        ("时效", "delivery time", "改地址"),
        "修改地址后时效变化说明",
        "发货前修改地址不影响发货时间，但送达时间会按新地址重新计算。"
        "发货后改派需要包裹先到原目的地网点再转寄，一般会多 1-3 天。"
        "回复时请告知客户新的预计送达时间 {eta}。",
        "How an address change affects delivery time",
        "Changing the address before dispatch doesn't delay shipping, but the delivery estimate "
        "is recalculated for the new address. A redirect after dispatch goes via the original "
        "local depot, which typically adds 1–3 days. Tell the customer the new estimate, {eta}.",
        INTERNAL,
    ),
    # ---------------------------------------------------------------- payment_failed
    Topic(
        "payment_failed",
        ("支付", "payment", "失败"),
        "支付失败的常见原因与解决方法",
        "支付失败的常见原因有：银行卡余额或限额不足、银行风控拦截、支付超时、网络不稳定。"
        "建议先换一种支付方式（支付宝、微信、其他银行卡）重试。"
        "如果多次失败，请记录错误提示和时间，客服可以帮您向支付渠道查询。"
        "订单 {order_no} 会为您保留 30 分钟，请在此期间完成付款。",
        "Common reasons a payment fails",
        "Payments usually fail because of insufficient funds or a card limit, a fraud check by "
        "the bank, a session timeout or an unstable connection. Try another method first, such "
        "as PayPal or a different card. If it keeps failing, note the exact error and time so "
        "we can look it up with our payment provider. Order {order_no} is held for 30 minutes "
        "while you retry.",
    ),
    Topic(
        "payment_failed",
        ("扣款", "charged", "未付款"),
        "扣款成功但订单显示未付款",
        "银行已扣款但订单仍显示未付款，通常是支付结果通知延迟，一般 10 分钟内会自动更新。"
        "如果超过 30 分钟仍未更新，请提供支付截图和交易流水号。"
        "确认是掉单的，我们会手动补单；订单已关闭的，扣款会在 1-3 个工作日内原路退回。",
        "Charged but the order still shows unpaid",
        "If your bank shows a charge but the order is still unpaid, the payment confirmation is "
        "usually just delayed and updates within 10 minutes. If it hasn't after 30 minutes, send "
        "us a screenshot with the transaction reference. If the payment was captured we'll "
        "attach it to the order manually; if the order has closed, the money is returned within "
        "1–3 business days.",
    ),
    Topic(
        "payment_failed",
        ("限额", "limit", "银行卡"),
        "银行卡限额导致付款失败",
        "部分银行卡在快捷支付中有单笔或单日限额，购买高价商品时容易失败。"
        "可以在银行 App 中临时调整网上支付限额，或者改用支付宝余额、花呗、微信等方式。"
        "企业采购的大额订单也可以联系客服申请对公转账。",
        "Card limit reached",
        "Some cards have per-transaction or daily online limits, which larger orders can hit. "
        "You can usually raise the online limit temporarily in your banking app, or pay with "
        "PayPal or another card. For large business orders, ask us about paying by bank "
        "transfer.",
    ),
    Topic(
        "payment_failed",
        ("重复扣款", "duplicate", "退款"),
        "重复扣款如何退回",
        "因网络重试造成重复扣款的，系统会在核对后 24 小时内自动退回多扣的金额。"
        "如超过 3 个工作日仍未收到，请联系客服并提供两笔扣款的截图。"
        "我们会为您加急处理退款 {refund_amount}。",
        "Duplicate charges and how they're returned",
        "If a retry charged you twice, the extra charge is reversed automatically within 24 "
        "hours once our system reconciles the payments. If it's still there after 3 business "
        "days, send us screenshots of both charges and we'll fast-track the refund of "
        "{refund_amount}.",
    ),
    Topic(
        "payment_failed",
        ("分期", "instalment", "花呗"),
        "花呗和信用卡分期付款说明",
        "单笔订单满 300 元可以使用花呗分期，部分商品支持免息。"
        "信用卡分期以发卡行规则为准，手续费在支付页面显示。"
        "分期订单退款时，已还款部分原路退回，未还部分自动取消。",
        "Paying in instalments",
        "Orders over $100 can be split into four interest-free payments with PayPal Pay in 4 "
        "where available. Card instalments follow your bank's terms, and any fee is shown before "
        "you confirm. If you return an instalment order, the paid portion is refunded and the "
        "remaining instalments are cancelled.",
    ),
    Topic(
        "payment_failed",
        ("境外卡", "international card", "3DS"),
        "境外信用卡支付注意事项",
        "使用境外信用卡（Visa、Mastercard）支付时，可能需要完成 3D 验证。"
        "请确认卡片已开通境外网上支付功能，账单地址填写与发卡行一致。"
        "如仍失败，建议改用支付宝国际版或联系客服协助。",
        "Paying with a card issued abroad",
        "Cards issued outside the store's country may need 3-D Secure verification, so keep "
        "your banking app handy. Make sure online and international payments are enabled and "
        "that the billing address matches what your bank has on file. If it still fails, try "
        "PayPal or contact us for help.",
    ),
    # ---------------------------------------------------------------- size_advice
    Topic(
        "size_advice",
        ("尺码", "size", "上衣"),
        "上衣尺码怎么选：身高体重对照表",
        "上衣一般按身高体重选择：160cm/50kg 以下选 S，165cm/55-60kg 选 M，170cm/60-70kg 选 L，"
        "175cm/70-80kg 选 XL，180cm 以上或 80kg 以上选 XXL。"
        "宽松版型可以按正常码选择，修身版型肩宽或胸围较大的建议大一码。"
        "具体以商品详情页的尺码表为准。",
        "Choosing a top size: height and weight guide",
        "As a rule of thumb for tops: under 5'3\" and 110 lb, S; 5'5\" and 120–130 lb, M; 5'7\" "
        "and 130–155 lb, L; 5'9\" and 155–175 lb, XL; taller than 5'11\" or over 175 lb, XXL. "
        "Relaxed fits can be bought in your usual size; for slim fits, size up if you have "
        "broad shoulders or chest. The size chart on each product page has exact measurements.",
    ),
    Topic(
        "size_advice",
        ("鞋码", "shoes", "尺码"),
        "鞋码偏大偏小怎么判断",
        "跑步鞋和帆布鞋基本标准码，切尔西靴偏小半码，乐福鞋偏大半码。"
        "脚背高或脚宽的顾客建议选大一码。"
        "可以量一下脚长（脚跟到最长脚趾），对照详情页的厘米数选择。",
        "Do our shoes run small or large?",
        "Running shoes and canvas sneakers are true to size; Chelsea boots run about half a "
        "size small and loafers about half a size large. If you have a high instep or wide feet, "
        "go up a size. For the best fit, measure your foot from heel to longest toe and compare "
        "it with the centimetre chart on the product page.",
    ),
    Topic(
        "size_advice",
        ("牛仔裤", "jeans", "腰围"),
        "牛仔裤腰围与裤长怎么选",
        "牛仔裤尺码对应腰围：26 码约 2 尺，27 码约 2 尺 1，28 码约 2 尺 2，以此类推。"
        "高腰直筒款建议按腰围选，臀围较大的可以大一码。"
        "裤长有常规和加长两种，身高 170cm 以上建议选加长。",
        "Finding your jeans size: waist and inseam",
        "Our jeans use waist sizes in inches, so measure around your natural waist and pick the "
        "closest size. For high-rise straight jeans, choose by waist; if your hips are fuller, go "
        'up one. Inseams come in regular (30") and long (32"); if you\'re taller than about '
        "5'9\", pick long.",
    ),
    Topic(
        "size_advice",
        ("羽绒服", "coat", "尺码"),
        "大衣和羽绒服需要买大一码吗",
        "我们的羽绒服和大衣已经预留了内搭空间，一般按平时尺码选择即可。"
        "如果冬天习惯在里面穿厚毛衣或卫衣，可以考虑大一码。"
        "双面羊毛大衣是修身剪裁，肩宽超过 44cm 的建议大一码。",
        "Should I size up for coats and down jackets?",
        "Our coats and down jackets are cut with room for layers, so your usual size normally "
        "works. If you like wearing a chunky sweater or hoodie underneath, go up one size. The "
        "double-faced wool coat has a tailored fit; if your shoulders are broader than about 17 "
        "inches, size up.",
    ),
    Topic(
        "size_advice",
        ("送礼", "gift", "尺码"),
        "给别人买衣服时如何选码",
        "给家人朋友买衣服，可以参考对方常穿衣服的尺码，或者偷偷量一件对方合身衣服的衣长和胸围。"
        "不确定时建议选宽松版型，或者选大一码。"
        "我们支持 7 天无理由换码，收礼人也可以凭订单号 {order_no} 申请换货。",
        "Buying clothes as a gift: picking the size",
        "When buying for someone else, check the size label on something they wear often, or "
        "measure the length and chest of a top that fits them. If in doubt, choose a relaxed "
        "fit or size up. Exchanges are free, and the recipient can request one with order "
        "number {order_no}.",
    ),
    Topic(
        "size_advice",
        ("换码", "exchange", "免费"),
        "尺码不合适的免费换码政策",
        "服装鞋类商品签收后 7 天内，吊牌完好、未洗涤的可以免费换码一次，来回运费由我们承担。"
        "换码申请提交后，快递员会上门取件，仓库收到后 24 小时内发出新尺码。"
        "如果想要的尺码缺货，可以选择等待补货或退款。",
        "Free size exchanges",
        "Clothing and shoes can be exchanged for a different size once, free of charge, within "
        "30 days of delivery as long as they're unworn and tagged. We email a prepaid label, and "
        "the new size ships within 24 hours of your return being scanned. If your size is out of "
        "stock, you can wait for a restock or get a refund.",
    ),
    # ---------------------------------------------------------------- product_question
    Topic(
        "product_question",
        ("保修", "warranty", "数码"),
        "数码产品保修与联保政策",
        "店内数码产品均为正品行货，支持全国联保。"
        "耳机、手表、充电宝等配件保修 1 年，手机和平板保修 1 年、电池 6 个月。"
        "保修凭订单号即可，不需要纸质发票；人为损坏和进水不在保修范围内。",
        "Warranty on electronics",
        "All electronics we sell are genuine and covered by the manufacturer's warranty. "
        "Earbuds, watches and power banks have a 1-year warranty; phones and tablets have 1 year, "
        "with batteries covered for 6 months. Your order number is your proof of purchase. "
        "Accidental damage and liquid damage aren't covered.",
    ),
    Topic(
        "product_question",
        ("蓝牙", "bluetooth", "耳机"),
        "蓝牙耳机连接与配对常见问题",
        "首次配对时请将耳机放回充电盒，打开盒盖长按按键 3 秒，指示灯白灯闪烁即进入配对模式。"
        "连接不上时，先在手机蓝牙列表里“忽略此设备”，再重新配对。"
        "如果只有一只耳机有声音，把两只耳机放回盒中重置后再试。",
        "Pairing wireless earbuds",
        "To pair for the first time, put both earbuds in the case, open the lid and hold the "
        "button for 3 seconds until the light flashes white. If they won't connect, choose "
        "Forget this device in your phone's Bluetooth settings and pair again. If only one side "
        "plays sound, put both back in the case, reset them and try again.",
    ),
    Topic(
        "product_question",
        ("面料", "fabric", "洗护"),
        "纯棉与混纺面料的区别与洗护方法",
        "纯棉面料透气吸汗，但容易缩水和起皱，建议冷水洗、反面晾干。"
        "羊毛混纺保暖性好，请手洗或使用洗衣机羊毛模式，平铺晾干避免变形。"
        "深色衣物首次洗涤可能轻微掉色，请与浅色衣物分开洗。",
        "Cotton vs. blends: care instructions",
        "Cotton breathes well but can shrink and crease, so wash cold and dry inside out. Wool "
        "blends are warmer; hand wash or use the wool cycle and dry flat to keep their shape. "
        "Dark colours may bleed slightly in the first wash, so wash them separately from light "
        "items.",
    ),
    Topic(
        "product_question",
        ("现货", "stock", "发货"),
        "商品现货与发货时间怎么看",
        "商品页显示“现货”的，当天 16:00 前付款当天发货；显示“预售”的按标注日期发货。"
        "库存紧张的商品会显示“仅剩 X 件”，加入购物车不会锁定库存，付款后才锁定。"
        "如需确认某个颜色尺码是否有货，可以直接咨询客服。",
        "Reading stock status and ship dates",
        "Items marked In stock ship the same day if paid before 2 pm; Pre-order items ship on "
        "the date shown. When stock is low the page shows Only X left. Adding to your cart "
        "doesn't reserve an item; stock is reserved once you pay. Ask us if you want to check a "
        "specific colour or size.",
    ),
    Topic(
        "product_question",
        ("手表", "watch", "防水"),
        "智能运动手表防水等级说明",
        "智能运动手表支持 5ATM 防水，可以佩戴洗手、淋雨、游泳池游泳。"
        "不建议佩戴洗热水澡、蒸桑拿或潜水，高温和高压会影响密封。"
        "进水导致的损坏不在保修范围内，游泳后请用清水冲洗并擦干。",
        "Smart watch water resistance explained",
        "The smart fitness watch is rated 5 ATM, so it's fine for hand washing, rain and pool "
        "swimming. Avoid hot showers, saunas and diving, as heat and pressure can weaken the "
        "seals. Water damage isn't covered by the warranty, so rinse it with fresh water and dry "
        "it after swimming.",
    ),
    Topic(
        "product_question",
        ("净化器", "air purifier", "滤网"),
        "空气净化器滤网更换周期",
        "HEPA 滤网建议每 6-8 个月更换一次，雾霾季或家中有宠物的建议 4-6 个月更换。"
        "机器屏幕出现滤网提示时请及时更换，更换后长按复位键 3 秒重置提醒。"
        "原装滤网可在店内单独购买，会员有 9 折优惠。",
        "How often to replace the air purifier filter",
        "Replace the HEPA filter every 6–8 months, or every 4–6 months during wildfire season "
        "or if you have pets. When the filter light comes on, swap the filter and hold the reset "
        "button for 3 seconds. Genuine replacement filters are sold separately, and members get "
        "10% off.",
    ),
    # ---------------------------------------------------------------- coupon_promotion
    Topic(
        "coupon_promotion",
        ("优惠券", "coupon", "使用规则"),
        "优惠券无法使用的常见原因",
        "优惠券无法使用通常有以下原因：未达到满减门槛、商品不在活动范围、券已过期、"
        "与其他优惠不可叠加，或者该券仅限 App 使用。"
        "请在“我的-优惠券”里点开券面查看详细规则。"
        "如果确认符合条件仍无法使用，请截图结算页面联系客服。",
        "Why a coupon code won't apply",
        "A code usually won't apply because the cart is below the minimum spend, an item is "
        "excluded, the code has expired, it can't be combined with another offer, or it's valid "
        "in the app only. Open Account > Coupons to read the full terms. If you meet every "
        "condition and it still fails, send us a screenshot of checkout.",
    ),
    Topic(
        "coupon_promotion",
        ("价保", "price protection", "差价"),
        "价保规则：降价后如何退差价",
        "商品签收后 7 天内如果降价，可以申请价保退还差价，一个订单每件商品可申请一次。"
        "秒杀、直播专享价和使用优惠券造成的价差不在价保范围内。"
        "申请通过后，差价 {refund_amount} 会在 24 小时内原路退回。",
        "Price protection: refunds when the price drops",
        "If the price of an item drops within 14 days of delivery, we refund the difference "
        "once per item. Flash sales, livestream-only prices and discounts from personal coupons "
        "aren't covered. Once approved, the difference of {refund_amount} is refunded to your "
        "original payment method within 24 hours.",
    ),
    Topic(
        "coupon_promotion",
        ("叠加", "stacking", "优惠"),
        "店铺券和平台券能否叠加使用",
        "店铺券和平台券可以同时使用，但同类型的券每单只能用一张。"
        "满减活动与店铺券可以叠加，与会员折扣不可同时享受，系统会自动选择最优惠的组合。"
        "结算页面会显示每一项优惠的金额，请以实际显示为准。",
        "Can discount codes be combined?",
        "Only one promo code can be used per order, but it can be combined with automatic sale "
        "prices and free-shipping offers. Member discounts and promo codes don't stack; checkout "
        "applies whichever saves you more. The order summary shows every discount before you "
        "pay.",
    ),
    Topic(
        "coupon_promotion",
        ("退货", "return", "满减分摊"),
        "满减活动退货时优惠如何分摊",
        "参加满减的订单部分退货时，优惠金额会按商品价格比例分摊到每件商品。"
        "退款金额 = 商品实付价 - 分摊的优惠金额。"
        "如果退货后剩余商品不再满足门槛，不会额外扣款。",
        "Returns from a discounted bundle: how the refund is split",
        "When you return part of an order that qualified for a spend-and-save discount, the "
        "discount is spread across the items in proportion to their prices. You're refunded what "
        "you actually paid for the returned item after its share of the discount. We never "
        "charge extra if the remaining items fall below the threshold.",
    ),
    Topic(
        "coupon_promotion",
        ("新人券", "welcome", "会员"),
        "新人券与会员券领取方式",
        "新注册用户可以在首页领取新人礼包，包含 3 张无门槛券，有效期 7 天。"
        "会员每月 1 日自动发放会员券，等级越高券面越大。"
        "优惠券领取后可在“我的-优惠券”查看。",
        "Where to find welcome and member coupons",
        "New customers get a welcome pack of three codes on sign-up, valid for 7 days. Members "
        "receive a monthly code on the 1st, and higher tiers get bigger discounts. All your "
        "codes are listed under Account > Coupons.",
    ),
    Topic(
        "coupon_promotion",
        ("过期", "expired", "补发"),
        "优惠券过期后能否补发",
        "优惠券过期后原则上不补发。"
        "如果是因为订单取消或退款导致券过期的，可以联系客服补发同等面额的券。"
        "补发券有效期 7 天，请在备注中记录补发原因。",
        "Can an expired coupon be reissued?",
        "Expired codes normally can't be reissued. If a code expired because the order it was "
        "used on was cancelled or refunded, we can issue a replacement of the same value, valid "
        "for 7 days. Record the reason in the customer note when you do.",
        INTERNAL,
    ),
    # ---------------------------------------------------------------- damaged_item
    Topic(
        "damaged_item",
        ("破损", "damaged", "流程"),
        "收到商品破损的处理流程",
        "{customer_name}您好，非常抱歉商品出现了破损。"
        "请您拍摄商品破损处、外包装和快递面单的照片发给我们。"
        "收到照片后，我们会在 2 小时内为您安排补发或退款，订单 {order_no} 的破损商品无需寄回。"
        "再次为给您带来的不便致歉。",
        "Item arrived damaged: what to do",
        "Hi {customer_name}, I'm so sorry your item arrived damaged. Please send us photos of "
        "the damage, the outer box and the shipping label. Once we have them, we'll arrange a "
        "replacement or refund within 2 hours, and there's no need to send the damaged item "
        "from order {order_no} back. Thanks for bearing with us.",
    ),
    Topic(
        "damaged_item",
        ("验货", "inspection", "签收"),
        "签收时如何验货",
        "签收时建议当着快递员的面检查外包装，有明显破损、挤压、渗漏的可以拒收。"
        "贵重商品（手机、平板、净化器等）建议开箱验货后再签收。"
        "已签收后发现破损的，请在 48 小时内联系客服并提供照片。",
        "Checking a parcel when it is delivered",
        "When the courier hands over the parcel, check the outer box; if it's crushed, torn or "
        "leaking, you can refuse it. For high-value items such as phones, tablets or purifiers, "
        "open the box before signing if the courier allows it. If you find damage after "
        "accepting the parcel, contact us within 48 hours with photos.",
    ),
    Topic(
        "damaged_item",
        ("补发", "replacement", "退款"),
        "破损商品补发还是退款：客户选择说明",
        "破损商品可以由客户选择补发或退款。"
        "选择补发的，当天发出新品，新的{carrier}单号会短信通知；选择退款的，{refund_amount} 原路退回。"
        "轻微瑕疵不影响使用的，也可以给予部分补偿，由客户决定是否保留商品。",
        "Replacement or refund for a damaged item",
        "The customer chooses between a replacement and a refund. A replacement ships the same "
        "day and the new {carrier} tracking number is emailed; a refund of {refund_amount} goes "
        "back to the original payment method. For minor cosmetic damage, you can also offer a "
        "partial refund and let the customer keep the item.",
        INTERNAL,
    ),
    Topic(
        "damaged_item",
        ("易碎品", "fragile", "理赔"),
        "易碎品破损理赔需要的材料",
        "陶瓷、玻璃等易碎品破损，理赔需要：外包装六面照片、破损商品照片、快递面单照片。"
        "请在签收后 48 小时内提交，超过时间快递公司可能不予理赔。"
        "客服收到材料后在{carrier}后台发起理赔，客户的补发或退款不需要等理赔结果。",
        "What we need for a damage claim on fragile goods",
        "For broken ceramics or glass, the claim needs photos of all six sides of the box, the "
        "damaged item and the shipping label. Please send them within 48 hours of delivery, as "
        "carriers may reject late claims. We file the claim with {carrier}; the customer's "
        "replacement or refund never waits for the claim to be settled.",
        INTERNAL,
    ),
    Topic(
        "damaged_item",
        ("划痕", "scratched", "二手"),
        "商品有划痕或疑似二手的处理",
        "客户反馈商品有划痕、使用痕迹或包装被拆过的，先致歉并请客户拍照。"
        "确认属实的，直接为客户换新，并将批次信息反馈给仓库质检。"
        "不要在回复中推测原因或指责仓库，统一说明“我们会加强出库检查”。",
        "Item looks used or scratched",
        "If a customer reports scratches, signs of use or opened packaging, apologise and ask "
        "for photos. If confirmed, replace the item with a new one and report the batch to "
        "warehouse quality control. Don't speculate about the cause in your reply; simply say "
        "we're tightening our checks before dispatch.",
        INTERNAL,
    ),
    Topic(
        "damaged_item",
        ("话术", "template", "致歉"),
        "破损致歉话术模板",
        "{customer_name}您好，看到照片真的非常抱歉，这不是我们希望带给您的体验。"
        "我已经为您安排了新品补发，今天就会发出，{carrier}单号 {tracking_no}，预计 {eta} 送达。"
        "破损的商品您不用寄回，直接处理掉就好。"
        "如果还有其他问题，随时在这里找我。",
        "Reply template: apology for damaged goods",
        "Hi {customer_name}, thank you for the photos, and I'm really sorry — that's not how it "
        "should have arrived. I've sent a replacement today with {carrier}, tracking "
        "{tracking_no}, arriving by {eta}. No need to return the damaged one; feel free to "
        "recycle it. If anything else comes up, just reply here.",
    ),
    Topic(
        "damaged_item",
        ("审批", "approval", "退款"),
        "退款等待主管审批时的回复话术",
        "{customer_name}您好，订单 {order_no} 的问题我已经为您申请退款 {refund_amount}，"
        "目前正在等待主管审批，一般 2 小时内会有结果。"
        "审批通过后款项会原路退回，结果出来我会第一时间告诉您。"
        "给您带来不便非常抱歉，感谢您的耐心等待。",
        "Reply template: refund waiting for approval",
        "Hi {customer_name}, I've asked my supervisor to approve your refund of {refund_amount} "
        "for order {order_no}; you'll hear from us within 2 hours. Once it's approved, the money "
        "goes back to your original payment method, and I'll let you know as soon as it's "
        "decided. Sorry for the trouble, and thank you for your patience.",
    ),
    # ---------------------------------------------------------------- return_exchange
    Topic(
        "return_exchange",
        ("退货", "return", "七天无理由"),
        "七天无理由退货规则",
        "签收后 7 天内，商品完好、不影响二次销售的，支持无理由退货。"
        "服装需吊牌完好未洗涤，数码产品需未激活、配件齐全。"
        "在订单 {order_no} 详情页点击“申请售后”即可提交，审核通过后按提示寄回。",
        "Our no-questions-asked return policy",
        "You can return most items within 30 days of delivery for any reason, as long as they're "
        "unused and in resaleable condition. Clothing must be unwashed with tags attached; "
        "electronics must be unactivated with all accessories. Start a return from the details "
        "page of order {order_no} and follow the instructions once it's approved.",
    ),
    Topic(
        "return_exchange",
        ("换货", "exchange", "时效"),
        "换货流程与时效",
        "换货流程：提交换货申请 → 客服审核（2 小时内）→ 快递员上门取件 → 仓库签收质检 → 发出新品。"
        "仓库签收后 24 小时内发出新商品，全程约 4-6 天。"
        "换货仅限同款换颜色或尺码，不同商品请走退货后重新购买。",
        "How exchanges work and how long they take",
        "Exchanges go: request → approval (within 2 hours) → prepaid label or courier pickup → "
        "inspection at the warehouse → new item ships. The new item ships within 24 hours of "
        "your return arriving, so the whole process takes about 4–6 business days. Exchanges "
        "are for a different size or colour of the same product; for a different product, "
        "return and reorder.",
    ),
    Topic(
        "return_exchange",
        ("运费", "shipping cost", "退货"),
        "退货运费由谁承担",
        "因质量问题、发错货、破损导致的退换货，来回运费由我们承担。"
        "无理由退货的，购买了运费险的由保险赔付，未购买的由客户承担寄回运费。"
        "换码服务每单首次免费。",
        "Who pays for return shipping",
        "If the return is because of a defect, a wrong item or damage, we pay shipping both "
        "ways. For change-of-mind returns, a $6.95 return label fee is deducted from the refund "
        "unless you're a Gold or Platinum member. The first size exchange on every order is "
        "free.",
    ),
    Topic(
        "return_exchange",
        ("不可退", "non-returnable", "规则"),
        "不支持无理由退换的商品范围",
        "以下商品不支持无理由退换：贴身衣物（内衣、袜子）、已激活的数码产品、定制商品、"
        "已拆封的个人护理用品。"
        "质量问题不受此限制，仍可按质量问题流程处理。",
        "Items that can't be returned",
        "For hygiene and safety reasons we can't accept change-of-mind returns of underwear and "
        "socks, activated electronics, personalised items or opened personal-care products. "
        "This doesn't affect your rights if an item is faulty; faulty items are always handled "
        "under our warranty process.",
    ),
    Topic(
        "return_exchange",
        ("上门取件", "pickup", "预约"),
        "退货上门取件预约说明",
        "提交退货申请后可以选择“上门取件”，{carrier}快递员会在预约时段内上门。"
        "请提前把商品打包好，不需要打印面单，快递员会带。"
        "取件后可以在售后详情里查看退货物流。",
        "Booking a courier pickup for a return",
        "After your return is approved you can choose Courier pickup, and a {carrier} driver "
        "will collect it in the time slot you pick. Have the item packed; the driver brings the "
        "label. You can follow the return's tracking from the return details page.",
    ),
    Topic(
        "return_exchange",
        ("退货丢件", "lost return", "退款"),
        "退货包裹寄丢了怎么办",
        "退货物流超过 5 天没有更新的，请提供退货单号，我们会联系快递公司核实。"
        "使用我们预约的上门取件丢失的，由我们负责，直接为您退款 {refund_amount}。"
        "自行寄回的，请保留寄件凭证，我们协助您向快递公司索赔。",
        "Return parcel lost on the way back",
        "If your return's tracking hasn't moved for 5 days, send us the return tracking number "
        "and we'll check with the carrier. If you used our prepaid label or pickup, the risk is "
        "ours and we'll refund {refund_amount} right away. If you shipped it yourself, keep your "
        "proof of postage and we'll help you claim from the carrier.",
    ),
    # ---------------------------------------------------------------- refund_status
    Topic(
        "refund_status",
        ("退款", "refund", "到账时间"),
        "各支付方式退款到账时间",
        "退款原路返回，到账时间：支付宝、微信零钱 实时-24 小时；花呗 恢复额度 实时；"
        "储蓄卡 1-3 个工作日；信用卡 3-7 个工作日（以银行入账为准）。"
        "节假日银行处理可能顺延。",
        "Refund times by payment method",
        "Refunds go back to the original payment method. PayPal: usually instant, at most 24 "
        "hours. Debit cards: 3–5 business days. Credit cards: 3–7 business days, depending on "
        "your bank. Public holidays can add a day or two.",
    ),
    Topic(
        "refund_status",
        ("退款", "not received", "银行"),
        "退款显示成功但没收到",
        "退款显示“已完成”表示我们已经把钱退回支付渠道，银行入账还需要一些时间。"
        "可以在支付宝账单、微信零钱明细或信用卡账单里查找“退款”记录。"
        "超过 7 个工作日仍未到账的，我们可以提供退款凭证（交易流水号），方便您向银行查询。",
        "Refund shows complete but hasn't arrived",
        "Refund completed means we've sent the money back to your payment provider; your bank "
        "may still need a few days to post it. Look for a credit or refund line on your "
        "statement rather than a reversal of the original charge. If it's been more than 7 "
        "business days, we can send you the refund reference so your bank can trace it.",
    ),
    Topic(
        "refund_status",
        ("花呗", "credit", "去向"),
        "花呗和信用卡退款去向说明",
        "用花呗付款的订单，退款会退回花呗，优先抵扣未还账单，多出的部分恢复额度。"
        "信用卡付款的退款退回信用卡，会体现在下一期账单的退款记录里。"
        "已经还款的部分不会退到银行卡，而是作为信用卡溢缴款。",
        "Where refunds go for credit and buy-now-pay-later",
        "For orders paid with a buy-now-pay-later plan, the refund reduces your outstanding "
        "balance first, and any remainder is returned as credit. Credit card refunds appear as "
        "a credit on your next statement. If you already paid the bill, the refund sits as a "
        "credit balance on the card.",
    ),
    Topic(
        "refund_status",
        ("部分退款", "partial refund", "计算"),
        "部分退款是怎么计算的",
        "部分退款常见于多件商品只退一件、破损补偿或价保差价。"
        "退款金额按该商品实付价格计算，订单享受的满减、优惠券按比例分摊。"
        "订单 {order_no} 本次退款 {refund_amount}，详细计算可在售后详情中查看。",
        "How partial refunds are calculated",
        "Partial refunds happen when one item from a multi-item order is returned, or for "
        "damage compensation and price adjustments. We refund what you actually paid for that "
        "item, after its share of any order-level discount. This refund for order {order_no} is "
        "{refund_amount}; the breakdown is on the return details page.",
    ),
    Topic(
        "refund_status",
        ("退货", "return", "退款时效"),
        "退货签收后多久退款",
        "仓库签收退货后 24 小时内完成质检，质检通过后立即退款。"
        "大促期间退货量大，质检可能延长到 48 小时。"
        "如果退货已签收超过 3 天仍未退款，请联系客服加急处理。",
        "When the refund is issued after we receive a return",
        "Returns are inspected within 24 hours of arriving at the warehouse, and the refund is "
        "issued as soon as inspection passes. During peak season inspection can take up to 48 "
        "hours. If your return was delivered to us more than 3 days ago and you haven't been "
        "refunded, contact us and we'll escalate it.",
    ),
    Topic(
        "refund_status",
        ("话术", "template", "退款进度"),
        "退款进度查询话术",
        "{customer_name}您好，帮您查到了：订单 {order_no} 的退款 {refund_amount} 已经原路退回。"
        "不同支付方式到账时间不同，支付宝和微信一般当天到账，银行卡 1-3 个工作日。"
        "如果 3 个工作日后还没收到，麻烦再联系我们，我们提供退款凭证协助您查询。",
        "Reply template: refund status update",
        "Hi {customer_name}, good news: the refund of {refund_amount} for order {order_no} has "
        "been issued to your original payment method. PayPal is usually instant; cards take 3–5 "
        "business days to show it. If it's not there after 5 business days, reply here and "
        "we'll send you the refund reference for your bank.",
    ),
    # ---------------------------------------------------------------- invoice
    Topic(
        "invoice",
        ("发票", "invoice", "电子发票"),
        "电子普通发票如何开具与下载",
        "下单时在结算页勾选“开具发票”，填写抬头即可；下单后也可以在订单详情里补开。"
        "电子发票在订单签收后 48 小时内开具，可以在“订单详情-发票”下载 PDF。"
        "电子发票与纸质发票具有同等法律效力，可用于报销。",
        "Downloading your receipt or invoice",
        "Every order has a receipt you can download from Order details > Invoice once it has "
        "shipped. To add a company name or VAT number, use Edit invoice details on the same "
        "page before downloading. Electronic invoices are valid for expense claims and "
        "accounting.",
    ),
    Topic(
        "invoice",
        ("专票", "VAT", "企业"),
        "增值税专用发票申请所需资料",
        "开具增值税专用发票需要提供：公司全称、纳税人识别号、注册地址及电话、开户行及账号。"
        "专票由财务审核后 3-5 个工作日开出，纸质专票通过顺丰寄出。"
        "请在客户备注里记录开票信息，方便下次使用。",
        "Requesting a VAT invoice for your company",
        "For a VAT invoice we need the company's legal name, VAT number and registered billing "
        "address. Finance issues it within 3–5 business days and emails it as a PDF. Save the "
        "details in the customer note so they're ready for next time.",
        INTERNAL,
    ),
    Topic(
        "invoice",
        ("重开", "reissue", "抬头"),
        "发票抬头错误如何重开",
        "发票抬头或税号填写错误的，可以申请作废重开。"
        "电子发票当月可直接作废重开，跨月需要开具红字发票冲销后再重开。"
        "提交重开申请后 2 个工作日内发送新发票到您的邮箱。",
        "Reissuing an invoice with the wrong details",
        "If the company name or VAT number on an invoice is wrong, we can void it and issue a "
        "corrected one. Invoices from the current month are replaced directly; older ones need "
        "a credit note first. The corrected invoice is emailed within 2 business days.",
    ),
    Topic(
        "invoice",
        ("退货", "return", "发票"),
        "退货后发票如何处理",
        "全额退货的订单，电子发票会自动冲红作废，无需客户操作。"
        "部分退货的，我们会冲红原发票并按实际金额重新开具。"
        "已经寄出的纸质专票需要客户寄回后才能退款。",
        "Invoices after a return or refund",
        "When an order is fully refunded, its invoice is cancelled automatically with a credit "
        "note. For partial refunds, we issue a credit note for the refunded amount and the "
        "original invoice remains valid for the rest. You don't need to do anything.",
    ),
    Topic(
        "invoice",
        ("合并开票", "combined", "多个订单"),
        "合并多个订单开一张发票",
        "同一抬头的多个订单可以合并开具一张发票，需要订单均已签收。"
        "请把需要合并的订单号发给客服，由财务统一开具。"
        "合并开票一般 3 个工作日内完成。",
        "One invoice for several orders",
        "Several delivered orders with the same billing details can be combined into one "
        "invoice. Send us the order numbers and finance will issue a consolidated invoice, "
        "usually within 3 business days.",
    ),
    Topic(
        "invoice",
        ("纸质发票", "paper", "邮寄"),
        "纸质发票邮寄时效",
        "纸质发票开具后通过顺丰邮寄，一般 2-3 天送达。"
        "发票单独寄出，不和商品一起发货。"
        "邮寄单号会短信通知，也可以在订单详情里查看。",
        "Paper invoices by post",
        "If your company requires a paper invoice, we post it separately from your order, "
        "usually arriving within 5–7 business days. We'll email you when it's sent. Most "
        "companies accept the PDF, so check with your finance team first.",
    ),
    # ---------------------------------------------------------------- account_login
    Topic(
        "account_login",
        ("验证码", "verification", "登录"),
        "收不到短信验证码怎么办",
        "收不到验证码时，请先检查手机信号，以及是否被安全软件拦截到“垃圾短信”。"
        "同一号码 1 小时内最多获取 5 次验证码，超过后请稍后再试。"
        "也可以选择“语音验证码”或使用微信一键登录。"
        "以上都不行的，请联系客服核实身份后协助登录。",
        "Not receiving the verification code",
        "If the code doesn't arrive, check your spam or junk folder and make sure the email "
        "address or phone number is correct. You can request up to 5 codes an hour; after that, "
        "wait a little before trying again. You can also sign in with Google or Apple if you "
        "linked them. Still stuck? Contact us and we'll verify your identity and help you in.",
    ),
    Topic(
        "account_login",
        ("换绑", "phone number", "账号"),
        "更换绑定手机号",
        "旧手机号还能接收短信的，在“账号设置-手机号”里直接更换。"
        "旧号码已停用的，需要提供最近一笔订单的信息核实身份，由客服人工换绑。"
        "换绑后原号码将无法登录此账号。",
        "Changing the phone number on your account",
        "If you still have your old number, change it under Account settings > Phone. If you've "
        "lost access to it, contact us: we'll verify your identity with details of your latest "
        "order and update it for you. The old number can no longer be used to sign in "
        "afterwards.",
    ),
    Topic(
        "account_login",
        ("锁定", "locked", "安全"),
        "账号被锁定的原因与解锁",
        "为了保护账号安全，连续多次密码错误或在陌生设备登录时，系统会临时锁定账号。"
        "临时锁定 30 分钟后自动解除；风控锁定需要联系客服核实身份后解锁。"
        "解锁后建议修改密码并开启登录保护。",
        "Why accounts get locked and how to unlock them",
        "To protect you, we temporarily lock an account after several wrong passwords or a "
        "sign-in from an unusual device. Temporary locks lift after 30 minutes; security locks "
        "need a quick identity check with our team. After unlocking, change your password and "
        "turn on two-step verification.",
    ),
    Topic(
        "account_login",
        ("密码", "password", "重置"),
        "忘记密码如何重置",
        "在登录页点击“忘记密码”，通过绑定手机号接收验证码后设置新密码。"
        "新密码需要 8 位以上，包含字母和数字。"
        "客服不会向您索要密码或验证码，请注意防范诈骗。",
        "Resetting a forgotten password",
        "Tap Forgot password on the sign-in page and we'll email you a reset link, valid for 30 "
        "minutes. Choose a password of at least 8 characters with letters and numbers. Our team "
        "will never ask for your password or verification code.",
    ),
    Topic(
        "account_login",
        ("注销", "delete account", "隐私"),
        "注销账号说明",
        "注销账号前请确认没有未完成的订单和售后，账户余额和优惠券将被清空。"
        "在“账号设置-注销账号”提交申请，15 天冷静期后正式注销。"
        "注销后订单记录将按法律要求保存，但无法再登录查看。",
        "Deleting your account",
        "Before deleting your account, make sure there are no open orders or returns; store "
        "credit and coupons will be lost. Request deletion under Account settings > Delete "
        "account; it takes effect after a 14-day grace period. We keep order records only as "
        "long as the law requires.",
    ),
    Topic(
        "account_login",
        ("登录保护", "2FA", "安全"),
        "如何开启登录保护",
        "在“账号设置-安全中心”开启登录保护后，在新设备登录需要额外的短信验证。"
        "建议同时绑定微信，方便在手机号不可用时找回账号。"
        "开启登录保护可以有效防止账号被盗用。",
        "Turning on two-step verification",
        "Turn on two-step verification under Account settings > Security. Signing in on a new "
        "device will then need a code from your authenticator app or email as well as your "
        "password. Save the backup codes somewhere safe in case you lose your phone.",
    ),
    # ---------------------------------------------------------------- warranty_repair
    Topic(
        "warranty_repair",
        ("保修期", "warranty period", "计算"),
        "保修期如何计算",
        "保修期从签收之日起计算，以订单 {order_no} 的签收时间为准。"
        "保修期内非人为损坏的故障免费维修；维修后更换的部件享受 90 天保修或剩余保修期（取较长者）。"
        "保修不需要纸质发票，凭订单号即可。",
        "How the warranty period is calculated",
        "The warranty starts on the delivery date of order {order_no}. Faults that aren't "
        "caused by accidents are repaired free during that period. Replaced parts are covered "
        "for 90 days or the rest of the original warranty, whichever is longer. Your order "
        "number is all you need as proof of purchase.",
    ),
    Topic(
        "warranty_repair",
        ("寄修", "repair", "流程"),
        "寄修流程说明",
        "提交保修申请并上传故障视频 → 客服审核 → {carrier}上门取件 → 维修中心检测维修 → 寄回。"
        "维修中心收到后 7 个工作日内完成，来回运费我们承担。"
        "寄修前请备份数据并退出账号，取出存储卡和 SIM 卡。",
        "Sending a product in for repair",
        "Submit a warranty request with a short video of the fault → we review it → {carrier} "
        "collects the item → the repair centre diagnoses and repairs it → it's shipped back. "
        "Repairs take about 7 business days from arrival, and we pay shipping both ways. Back "
        "up your data, sign out of your accounts and remove SIM or memory cards before sending.",
    ),
    Topic(
        "warranty_repair",
        ("保修范围", "not covered", "人为损坏"),
        "哪些情况不在保修范围内",
        "以下情况不在保修范围：摔落、挤压等人为损坏；进水或受潮；私自拆机或非授权维修；"
        "正常使用中的外观磨损。"
        "不在保修范围的，可以提供付费维修报价，由客户决定是否维修。",
        "What the warranty does not cover",
        "The warranty doesn't cover drops and other accidental damage, liquid damage, devices "
        "opened or repaired by unauthorised shops, or normal cosmetic wear. For anything not "
        "covered, we can get a paid repair quote and the customer decides whether to go ahead.",
        INTERNAL,
    ),
    Topic(
        "warranty_repair",
        ("维修进度", "repair status", "查询"),
        "维修进度查询",
        "寄修后可以在“售后服务-维修进度”查看状态：已取件、检测中、维修中、已寄回。"
        "维修完成后会短信通知回寄的{carrier}单号 {tracking_no}。"
        "超过 10 个工作日未完成的，客服可以向维修中心催办。",
        "Checking the status of a repair",
        "Follow your repair under Support > Repairs: collected, diagnosing, repairing, shipped "
        "back. When it's done we email the return {carrier} tracking number, {tracking_no}. If "
        "a repair takes longer than 10 business days, ask us and we'll chase the repair centre.",
    ),
    Topic(
        "warranty_repair",
        ("换新", "replacement", "政策"),
        "维修还是换新：换新政策说明",
        "签收 15 天内出现性能故障的，可以直接换新，无需维修。"
        "保修期内同一故障维修两次仍未修好的，也可以申请换新。"
        "换新商品预计 {eta} 前送达，旧机交给快递员带回。",
        "Replacement instead of repair",
        "If a product develops a fault within 30 days of delivery, we replace it instead of "
        "repairing it. The same applies if the same fault comes back after two repairs under "
        "warranty. The replacement should arrive by {eta}; hand the old unit to the courier.",
    ),
    Topic(
        "warranty_repair",
        ("电池", "battery", "续航"),
        "耳机和手表电池续航下降是否保修",
        "电池属于消耗品，正常使用半年内容量下降明显（低于 80%）的，可以免费更换电池。"
        "超过半年的电池衰减属于正常损耗，可以提供付费换电池服务。"
        "建议避免长期满电存放或在高温环境下充电，可以延长电池寿命。",
        "Battery wear on earbuds and watches",
        "Batteries wear with use. If capacity drops below 80% within the first 6 months, we "
        "replace the battery for free; after that, gradual wear is normal and we offer a paid "
        "battery replacement. To make batteries last, avoid storing devices fully charged for "
        "long periods or charging them in hot places.",
    ),
)


def as_jsonl_records() -> list[dict[str, object]]:
    """The demo articles in the knowledge import format (``agent-desk knowledge import``), with
    stable ids ``<scenario>-<n>-<locale>`` so an evaluation set can name its expected answers."""
    records: list[dict[str, object]] = []
    counters: dict[str, int] = {}
    for topic in TOPICS:
        n = counters[topic.scenario] = counters.get(topic.scenario, 0) + 1
        for locale, title, body in (
            ("zh_CN", topic.zh_title, topic.zh_body),
            ("en", topic.en_title, topic.en_body),
        ):
            records.append(
                {
                    "id": f"{topic.scenario}-{n:02d}-{locale}",
                    "title": title,
                    "body": body,
                    "scenario": topic.scenario,
                    "tags": list(topic.tags),
                    "locale": locale,
                    "audience": topic.audience,
                }
            )
    return records
