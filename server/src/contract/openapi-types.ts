/** The slice of OpenAPI 3.1 the server reads. Everything else in the document is carried along untouched. */
export type JsonSchema = Record<string, unknown> | boolean;

export interface Reference {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  style?: string;
  explode?: boolean;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: Array<ParameterObject | Reference>;
  requestBody?: RequestBodyObject | Reference;
  responses?: Record<string, ResponseObject | Reference>;
  security?: Array<Record<string, string[]>>;
}

export type PathItemObject = {
  parameters?: Array<ParameterObject | Reference>;
} & Partial<Record<HttpMethodLower, OperationObject>>;

export interface OpenApiDocument {
  openapi: string;
  servers?: Array<{ url: string }>;
  paths?: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    [section: string]: unknown;
  };
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethodLower = (typeof HTTP_METHODS)[number];
