-- 知识库: answers to 咨询 given at once, and the legal routes for matters the law sends elsewhere (接诉即办条例 Art 11).
create table appeal.knowledge_article (
    id            uuid primary key,
    kind          varchar(16)  not null check (kind in ('ANSWER', 'LEGAL_ROUTE')),
    title         varchar(100) not null,
    questions     text         not null default '',
    answer        text         not null,
    category_code varchar(16),
    source        varchar(200) not null default '',
    active        boolean      not null default true,
    -- The words of title and questions (weight A) and answer (weight C), segmented by the application (ADR 0021).
    search        tsvector     not null,
    updated_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    synthetic     boolean      not null default false,
    version       bigint       not null
);
create index knowledge_article_search on appeal.knowledge_article using gin (search);
