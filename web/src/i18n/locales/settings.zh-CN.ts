import type { companySettingsEn } from './settings.en.ts';

type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };

export const companySettingsZhCN: Leaves<typeof companySettingsEn> = {
  title: '公司设置',
  subtitle: '本公司的业务规则：信用控制、单据编号、库存与账务。',
  saved: '设置已保存',
  readOnly: '只有管理员可以修改这些设置。',
  empty: '留空（关闭）',
  sections: {
    sales: '销售',
    accounting: '财务',
    inventory: '库存',
    crm: '客户',
    purchasing: '采购',
    manufacturing: '生产',
    mrp: '计划（MRP）',
    quality: '数据质量',
  },
  fields: {
    sales: {
      requireCreditCheck: '确认订单时检查信用额度',
      blockOverdueDays: '发票逾期超过多少天时禁止新订单',
      quoteValidDays: '报价有效期（天）',
      quoteNumberPattern: '报价单编号规则',
      orderNumberPattern: '销售订单编号规则',
    },
    accounting: {
      reviewBeforePosting: '凭证需审核后才能记账',
      invoicePolicy: '销售订单开票依据',
      collectionReminderDays: '回款到期前几天提醒负责人',
    },
    inventory: {
      allowNegativeStock: '允许负库存',
      costMethod: '存货计价方法',
      salesHorizonDays: '销售可查看的可用量天数',
    },
    purchasing: {
      approvalAmount: '采购订单金额超过此值需审批（留空：不需要）',
      approverRole: '审批采购订单的角色（编码）',
      matchTolerancePct: '发票与订单、入库的允许差异（%）',
      defaultLeadTimeDays: '默认采购提前期（天）',
    },
    mrp: {
      periodDays: '建议按多少天合并为一期',
    },
    quality: {
      requireCustomerOwner: '客户须有负责人（公海客户除外）',
      requireCompanyTaxId: '企业客户须有税号',
      requireCustomerIndustry: '客户须有行业',
      requireCustomerSource: '客户须有来源',
      requireCustomerContact: '客户须有联系人',
      stuckEventMinutes: '事件未送达超过多少分钟视为滞留',
      stuckEventAttempts: '事件尝试送达多少次仍未成功视为滞留',
    },
    crm: {
      customerCodePattern: '客户编码规则',
      leadFallbackUserId: '无规则分配的线索负责人（用户 ID）',
    },
  },
  options: {
    delivery: '按发货数量',
    order: '按订单数量',
    moving_average: '移动加权平均',
    monthly_average: '月末一次加权平均',
  },
};
